package dev.todo.datasource;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the database is, parsed from {@code DATABASE_URL}.
 *
 * <p>Accepts the libpq URI form that hosted PostgreSQL services hand out
 * ({@code postgresql://user:password@host:5432/db?sslmode=require&channel_binding=require}) and the JDBC form
 * ({@code jdbc:postgresql://host:5432/db?user=...&password=...}). The credentials are kept out of
 * {@link #jdbcUrl()}, and neither {@link #toString()} nor any error message ever contains the password, so the
 * value can be logged safely.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String location) {

    /** libpq parameter names and their pgjdbc equivalents; anything else is passed through unchanged. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "channel_binding", "channelBinding",
            "target_session_attrs", "targetServerType",
            "keepalives", "tcpKeepAlive");

    /**
     * Bounded waits, so that an unreachable database fails fast instead of hanging a request or a probe; and untyped
     * string parameters, so that the nulls JPA binds as VARCHAR fit uuid and timestamptz columns.
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            "stringtype", "unspecified",
            "connectTimeout", "5",
            "loginTimeout", "10",
            "socketTimeout", "30",
            "tcpKeepAlive", "true",
            "ApplicationName", "todo-on-liberty");

    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String value = raw.strip();
        if (value.startsWith("jdbc:postgresql://")) {
            return fromUri(value.substring("jdbc:postgresql://".length()));
        }
        if (value.startsWith("postgresql://")) {
            return fromUri(value.substring("postgresql://".length()));
        }
        if (value.startsWith("postgres://")) {
            return fromUri(value.substring("postgres://".length()));
        }
        throw new IllegalArgumentException("DATABASE_URL must start with postgresql://, postgres:// or "
                + "jdbc:postgresql:// (found scheme '" + schemeOf(value) + "')");
    }

    private static DatabaseUrl fromUri(String rest) {
        int authorityEnd = indexOfAny(rest, '/', '?');
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);

        String user = null;
        String password = null;
        String hosts = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hosts = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (hosts.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no host");
        }
        validateHosts(hosts);

        String path = afterAuthority;
        String query = "";
        int questionMark = afterAuthority.indexOf('?');
        if (questionMark >= 0) {
            path = afterAuthority.substring(0, questionMark);
            query = afterAuthority.substring(questionMark + 1);
        }
        String database = path.startsWith("/") ? decode(path.substring(1)) : "";

        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String parameterValue = equals < 0 ? "" : decode(pair.substring(equals + 1));
            switch (name) {
                case "user" -> user = parameterValue;
                case "password" -> password = parameterValue;
                case "dbname" -> database = parameterValue;
                default -> parameters.put(pgjdbcName(name), pgjdbcValue(name, parameterValue));
            }
        }
        if (database.isBlank()) {
            database = user == null || user.isBlank() ? "postgres" : user;
        }
        DEFAULTS.forEach(parameters::putIfAbsent);

        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + encode(database) + "?"
                + parameters.entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
        return new DatabaseUrl(jdbcUrl, user, password, hosts + "/" + database);
    }

    private static void validateHosts(String hosts) {
        for (String host : hosts.split(",")) {
            String port = null;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("DATABASE_URL has an unterminated IPv6 host");
                }
                if (host.length() > close + 1) {
                    port = host.substring(close + 2);
                }
            } else if (host.contains(":")) {
                port = host.substring(host.indexOf(':') + 1);
            }
            if (port != null && !port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("DATABASE_URL has a port that is not a number");
            }
        }
    }

    private static String pgjdbcName(String libpqName) {
        return LIBPQ_TO_PGJDBC.getOrDefault(libpqName, libpqName);
    }

    private static String pgjdbcValue(String libpqName, String value) {
        if ("target_session_attrs".equals(libpqName)) {
            return switch (value) {
                case "read-write" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                default -> value;
            };
        }
        if ("keepalives".equals(libpqName)) {
            return "0".equals(value) ? "false" : "true";
        }
        return value;
    }

    private static int indexOfAny(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == first || c == second) {
                return i;
            }
        }
        return -1;
    }

    private static String schemeOf(String value) {
        int colon = value.indexOf(':');
        String scheme = colon < 0 ? "" : value.substring(0, Math.min(colon, 20));
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") ? scheme.toLowerCase(Locale.ROOT) : "?";
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL has a malformed percent-encoding");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The user and where the database is, for log lines; never the password. */
    public String describe() {
        return (user == null ? "" : user + "@") + location;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + describe() + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
