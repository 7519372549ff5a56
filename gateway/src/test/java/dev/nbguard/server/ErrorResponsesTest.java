package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.kernel.KernelLimitException;
import dev.nbguard.kernel.KernelStartException;
import dev.nbguard.kernel.NoSuchKernelException;
import dev.nbguard.kernel.NoSuchKernelSpecException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

  @Test
  void mapsEachFailureToItsStatusEvenWhenWrappedByAFuture() {
    assertEquals(404, ErrorResponses.statusOf(new NoSuchKernelException("k")));
    assertEquals(404, ErrorResponses.statusOf(
        new CompletionException(new NoSuchKernelSpecException("s"))));
    assertEquals(400, ErrorResponses.statusOf(new IllegalArgumentException("bad env")));
    assertEquals(400, ErrorResponses.statusOf(HttpError.badRequest("x")));
    assertEquals(403, ErrorResponses.statusOf(HttpError.forbidden("x")));
    assertEquals(503, ErrorResponses.statusOf(
        new CompletionException(new KernelLimitException(2))));
    assertEquals(500, ErrorResponses.statusOf(new KernelStartException("boom", null)));
    assertEquals(500, ErrorResponses.statusOf(new IllegalStateException("?")));
  }
}
