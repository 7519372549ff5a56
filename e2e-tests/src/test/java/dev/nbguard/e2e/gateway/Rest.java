package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A token-authenticated JSON REST client for one Jupyter-style server. */
final class Rest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String token;

  Rest(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  static HttpClient http() {
    return HTTP;
  }

  /** The status and the parsed body (a JSON null when the body is empty). */
  record Response(int status, JsonNode body, String text) {}

  Response call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "token " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode parsed;
    try {
      parsed = r.body().isBlank() ? NullNode.instance : JSON.readTree(r.body());
    } catch (IOException e) {
      parsed = NullNode.instance;
    }
    return new Response(r.statusCode(), parsed, r.body());
  }

  /** Calls and insists on {@code expected}, with the body in the failure message. */
  JsonNode expect(int expected, String method, String path, String body)
      throws IOException, InterruptedException {
    Response r = call(method, path, body);
    if (r.status() != expected) {
      throw new AssertionError(method + " " + base.resolve(path) + ": expected " + expected
          + ", got " + r.status() + ": " + r.text());
    }
    return r.body();
  }

  /** Whether GET {@code /api} answers 200 (the server is up). */
  boolean up() {
    try {
      return call("GET", "/api", null).status() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts a kernel of {@code kernelspec} and returns its id. */
  String startKernel(String kernelspec) throws IOException, InterruptedException {
    JsonNode created = expect(201, "POST", "/api/kernels", "{\"name\":\"" + kernelspec + "\"}");
    return created.path("id").asText();
  }
}
