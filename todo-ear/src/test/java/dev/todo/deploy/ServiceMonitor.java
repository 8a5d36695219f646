package dev.todo.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * The Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1), as far as the charts use it, so that the strict
 * reading of rendered charts knows the kind: a field the charts render that is not here fails the test, as it would
 * be one the chart's author did not mean. The fabric8 model of the operator's kinds is not published for fabric8 8.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@Kind("ServiceMonitor")
public class ServiceMonitor extends CustomResource<ServiceMonitor.Spec, Void> implements Namespaced {

    private static final long serialVersionUID = 1L;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(LabelSelector selector, List<Endpoint> endpoints) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(String port, String path, String interval) {}
}
