package org.tamizdat.ticker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body as it streams in and gives up, cancelling the transfer, as soon as it
 * passes {@code maxBytes}: a broken or hostile upstream cannot make us buffer more than that.
 */
final class CappedBody implements BodySubscriber<byte[]> {
  /** The cause when the cap is hit, so the caller can tell it from a network error. */
  static final class TooLarge extends IOException {
    TooLarge(int maxBytes) {
      super("body over the " + maxBytes / 1024 + " KiB cap", null);
    }
  }

  private final int maxBytes;
  private final long declaredLength;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int maxBytes, long declaredLength) {
    this.maxBytes = maxBytes;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > maxBytes) {
      subscription.cancel();
      result.completeExceptionally(new TooLarge(maxBytes));
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      if (result.isDone()) {
        return;
      }
      if (out.size() + buffer.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(maxBytes));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      out.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
