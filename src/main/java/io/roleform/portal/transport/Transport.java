package io.roleform.portal.transport;

import io.roleform.portal.PortalException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one HTTP transport under every HTTP-speaking portal kind: one OkHttp client whose
 * interceptors add the credentials ({@link AuthInterceptor}) and {@code User-Agent:
 * roleform/VERSION}, retry what is worth retrying ({@link RetryInterceptor}, {@link RetryPolicy}),
 * log one line per request on {@code --verbose} ({@link RequestLogInterceptor}), and read each body
 * in full ({@link BufferingInterceptor}). Every failure becomes a {@link PortalException} through
 * {@link FailureMapper}, in the words of the portal kind's {@link MessageTable}.
 *
 * <p>Redirects are never followed (credentials never go to another address), and OkHttp's own
 * silent retries are off: every retry is ours, bounded, counted and logged. Thread-safe.
 */
public final class Transport implements AutoCloseable {

  private final OkHttpClient http;
  private final RetryInterceptor retries;
  private final MessageTable messages;

  private Transport(TransportOptions o, boolean tls) {
    this.retries = new RetryInterceptor(o.retry(), o.sleeper());
    this.messages = o.messages();
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    // Without TLS, OkHttp does not build its default TLS setup (the platform's trust store: every CA
    // certificate parsed, security providers loaded), which on a 2-core machine delayed the first
    // request of an http:// portal by a few hundred milliseconds.
    if (!tls) b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    b.connectTimeout(o.timeout())
        .readTimeout(o.timeout())
        .writeTimeout(o.timeout())
        .callTimeout(o.retry().worstCase(o.timeout()))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new AuthInterceptor(o.auth(), UserAgent.VALUE))
        .addInterceptor(retries);
    if (o.verboseLog() != null) b.addInterceptor(new RequestLogInterceptor(o.verboseLog()));
    this.http = b.addInterceptor(new BufferingInterceptor()).addNetworkInterceptor(new HeldRetryAfter()).build();
  }

  /**
   * A transport for one server, speaking TLS only when {@code tls}: with {@code false}, an
   * {@code https://} call fails (callers pass whether their one address is {@code https}).
   */
  public static Transport open(TransportOptions options, boolean tls) {
    return new Transport(options, tls);
  }

  /**
   * Sends {@code call} (with its retries) and returns the answer when it is a success or one the
   * call accepts.
   *
   * @throws PortalException for any other answer, or when no answer came
   */
  public Answer send(Call call) {
    String what = call.describe();
    RequestBody body = call.body() == null ? null
        : RequestBody.create(call.body(), call.contentType() == null ? null : MediaType.get(call.contentType()));
    if (body == null && !call.method().equals("GET") && !call.method().equals("HEAD") && !call.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder request = new Request.Builder().url(call.url().http()).method(call.method(), body)
        .tag(Call.class, call);
    call.headers().forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      Attempt attempt = response.request().tag(Attempt.class);
      Map<String, String> headers = new HashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
      }
      Answer answer = new Answer(what, response.code(), response.message(), headers, BufferingInterceptor.bytes(response.body()),
          attempt == null ? 1 : attempt.number());
      if (answer.isSuccess() || call.accepted().contains(answer.status())) return answer;
      throw FailureMapper.fromAnswer(answer, messages);
    } catch (AttemptsFailedException e) {
      throw FailureMapper.noAnswer(what, e.attempts(), e, messages);
    } catch (IOException e) {
      throw FailureMapper.noAnswer(what, 1, e, messages);
    }
  }

  /** Requests handed to the network so far, every attempt counted. */
  public long requestCount() {
    return retries.sent();
  }

  /** Releases connections and threads. Never throws. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
