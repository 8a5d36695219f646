package dev.todo.web.security;

import dev.todo.web.config.AuthSecret;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives MyFaces the keys that encrypt and sign the view state kept in each page, derived from {@code AUTH_SECRET}.
 * Without them MyFaces makes random keys per process, and a page rendered by one web replica could not be posted
 * to another. A container initializer, because MyFaces reads these context parameters once as it starts, and
 * initializers run before any listener.
 */
public class ViewStateKeys implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(ViewStateKeys.class.getName());

    static final String SECRET = "org.apache.myfaces.SECRET";
    static final String ALGORITHM = "org.apache.myfaces.ALGORITHM";
    static final String MAC_SECRET = "org.apache.myfaces.MAC_SECRET";
    static final String MAC_ALGORITHM = "org.apache.myfaces.MAC_ALGORITHM";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        AuthSecret secret = AuthSecret.from(ConfigProvider.getConfig(ViewStateKeys.class.getClassLoader()));
        secret.keyBytes()
                .ifPresentOrElse(
                        key -> {
                            context.setInitParameter(SECRET, derive(key, "faces view state encryption"));
                            context.setInitParameter(ALGORITHM, "AES");
                            context.setInitParameter(MAC_SECRET, derive(key, "faces view state signature"));
                            context.setInitParameter(MAC_ALGORITHM, "HmacSHA256");
                        },
                        () -> LOG.warning("The Faces view state keys are random to this process: "
                                + secret.problem().orElseThrow()
                                + ". Pages work on this server only; readiness stays DOWN until AUTH_SECRET is set."));
    }

    /** A 256-bit key for one purpose: HMAC-SHA256 of the purpose under the shared secret, base64 as MyFaces reads it. */
    static String derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(("todo-web " + purpose).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
