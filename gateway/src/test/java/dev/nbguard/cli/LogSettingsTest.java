package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

  @AfterEach
  void backToTheJdkDefaults() throws IOException {
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void quietsVertxConnectionEvictionButKeepsWarnings() {
    Logger eviction = Logger.getLogger("io.vertx.core.http.impl.HttpClientConnectionInternal");
    assertTrue(eviction.isLoggable(Level.WARNING), "JDK default: the eviction warning prints");

    assertTrue(LogSettings.apply());

    assertFalse(eviction.isLoggable(Level.WARNING));
    assertTrue(eviction.isLoggable(Level.SEVERE));
    assertTrue(Logger.getLogger("dev.nbguard.proxy.HttpForwarder").isLoggable(Level.WARNING));
    assertTrue(Logger.getLogger("io.vertx.core.net.impl.NetServerImpl").isLoggable(Level.INFO));
    assertFalse(Logger.getLogger("dev.nbguard.proxy.HttpForwarder").isLoggable(Level.FINE));
  }
}
