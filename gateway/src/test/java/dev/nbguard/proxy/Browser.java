package dev.nbguard.proxy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

/** A cookie-keeping client logged in to Jupyter the way a browser is: token once, then cookies. */
record Browser(HttpClient http, CookieManager cookies) {

  static Browser login(String origin) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    http.send(HttpRequest.newBuilder(URI.create(origin + "/login")).build(),
        HttpResponse.BodyHandlers.discarding()); // sets _xsrf
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
        URI.create(origin + "/api/status?token=" + JupyterFixture.TOKEN)).build(),
        HttpResponse.BodyHandlers.discarding()); // sets the login cookie
    if (r.statusCode() != 200) {
      throw new AssertionError("login failed: " + r.statusCode());
    }
    return new Browser(http, cookies);
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie: "
            + cookies.getCookieStore().getCookies()));
  }

  String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
  }
}
