package dev.todo.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid text that has broken applications before, by name; a free-text field must keep and show each exactly. */
public final class NastyText {

    public static final Map<String, String> SAMPLES;

    static {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("SQL injection", "'; DROP TABLE task; -- \" OR \"1\"=\"1");
        samples.put("script element", "<script>alert(document.cookie)</script>");
        samples.put("attribute break-out", "\"><img src=x id=injected onerror=alert(1)>");
        samples.put("expression and lookup syntax", "${jndi:ldap://example.invalid/a} #{7*7} {{7*7}} %s %n");
        samples.put("path traversal", "../../../../etc/passwd");
        samples.put("right-to-left override", "abc\u202Edef");
        samples.put("zero-width space and BOM", "a\u200Bb\uFEFFc");
        samples.put("emoji sequence", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family");
        samples.put("stacked combining marks", "Z\u0351\u0315\u0300a\u0334\u0301l\u0335g\u0336o\u0337");
        samples.put("Urdu", "دودھ خریدیں، کل صبح نو بجے");
        samples.put("astral plane letters", "\uD835\uDD4B\uD835\uDD60 \uD800\uDF48");
        samples.put("backslashes and escapes", "\\\"\\\\'\\u0000 literally");
        samples.put("control characters", "tab\there\rreturn\u0007bell\u001B[31mred");
        SAMPLES = Collections.unmodifiableMap(samples);
    }

    private NastyText() {}
}
