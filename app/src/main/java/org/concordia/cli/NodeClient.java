package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The command line's way to a running node's user API (HTTP Basic with a node account). Failures say
 * the node's error code and detail, never the request's terms.
 */
final class NodeClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply that is not a success: the HTTP status, the error code and the node's explanation. */
    static final class Failure extends Exception {
        final int status;
        final String code;

        Failure(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    NodeClient(String url, String user, String password) {
        this(url, user, password, Duration.ofMinutes(30));
    }

    /** A client whose requests fail with {@link java.net.http.HttpTimeoutException} after {@code timeout}. */
    NodeClient(String url, String user, String password, Duration timeout) {
        this.timeout = timeout;
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(u);
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs a body and returns the reply's bytes when the status is 2xx (or {@code accept}). */
    byte[] post(String path, String contentType, HttpRequest.BodyPublisher body, int... accept)
            throws IOException, InterruptedException, Failure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        for (int a : accept) {
            if (r.statusCode() == a) {
                return r.body();
            }
        }
        return checked(r);
    }

    /** GETs a path and returns the reply's bytes when the status is 2xx. */
    byte[] get(String path) throws IOException, InterruptedException, Failure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .GET()
                .build();
        return checked(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** GETs a path into {@code file} (streamed) when the status is 2xx. */
    void download(String path, java.nio.file.Path file) throws IOException, InterruptedException, Failure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .GET()
                .build();
        java.nio.file.Path part = file.resolveSibling(file.getFileName() + ".part");
        HttpResponse<java.nio.file.Path> r = http.send(request, HttpResponse.BodyHandlers.ofFile(part));
        if (r.statusCode() / 100 != 2) {
            byte[] body = java.nio.file.Files.readAllBytes(part);
            java.nio.file.Files.deleteIfExists(part);
            throw failure(r.statusCode(), body);
        }
        java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** PUTs JSON and returns the reply's bytes when the status is 2xx. */
    byte[] putJson(String path, String json) throws IOException, InterruptedException, Failure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return checked(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** POSTs JSON and returns the reply's bytes when the status is 2xx. */
    byte[] postJson(String path, String json) throws IOException, InterruptedException, Failure {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private static byte[] checked(HttpResponse<byte[]> r) throws Failure {
        if (r.statusCode() / 100 != 2) {
            throw failure(r.statusCode(), r.body());
        }
        return r.body();
    }

    /** The node's refusal: its problem document's code and detail, or the bare status. */
    private static Failure failure(int status, byte[] body) {
        String code = "http_" + status;
        String detail = "the node answered HTTP " + status;
        try {
            JsonNode p = JSON.readTree(body);
            code = p.path("code").asText(code);
            detail = p.path("detail").asText(detail);
        } catch (IOException e) {
            // not a problem document: keep the status
        }
        return new Failure(status, code, detail);
    }

    @Override
    public void close() {
        http.close();
    }
}
