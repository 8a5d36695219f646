package dev.todo.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs, to check what the API does with tokens it did not issue. */
public final class Tokens {

    /** The local configuration's development key, which the integration-test server uses. */
    public static final String TEST_SERVER_SECRET = "local-loop-only-key-never-use-it-in-a-cluster";

    private Tokens() {}

    public static String hs256(String claimsJson, String secret) {
        String unsigned = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claimsJson);
        return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(unsigned, secret));
    }

    public static String unsigned(String claimsJson) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claimsJson) + ".";
    }

    public static String claims(String subject, String issuer, String audience, long issuedAt, long expires) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"someone@example.com\",\"groups\":[\"user\"],\"iat\":" + issuedAt + ",\"exp\":" + expires
                + "}";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
