package dev.deft.llm.internal;

import dev.deft.core.DeftException;
import dev.deft.llm.Backoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON to a provider and reads its answer, trying again with backoff after a rate limit, a failing server or
 * a timeout, honouring {@code Retry-After}. Every failure leaves as one {@link DeftException} from the
 * {@link ErrorMapper}.
 */
public final class ModelHttp {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final Backoff backoff;
    private final ErrorMapper errors;
    private final Clock clock;

    public ModelHttp(ProviderFacts facts, Backoff backoff, Clock clock) {
        this.errors = new ErrorMapper(facts);
        this.backoff = backoff;
        this.clock = clock;
        long timeout = facts.timeout().toMillis();
        this.client = new OkHttpClient.Builder()
                .connectTimeout(Math.min(timeout, 10_000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false) // the tries are counted here, once
                .build();
    }

    public ErrorMapper errors() {
        return errors;
    }

    /** Reads a successful response's body; may throw {@link ProviderError} for an error sent inside a stream. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(ResponseBody body, String contentType) throws IOException;
    }

    public <T> T post(String url, Map<String, String> headers, String json, BodyReader<T> reader) {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
        headers.forEach(request::header);
        Request built = request.build();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try (Response response = client.newCall(built).execute()) {
                ResponseBody body = response.body();
                if (response.isSuccessful() && body != null) {
                    MediaType type = body.contentType();
                    return reader.read(body, type == null ? "" : type.type() + "/" + type.subtype());
                }
                ProviderError error = ErrorMapper.parse(response.code(), body == null ? "" : body.string());
                if (!error.retriable() || attempt >= backoff.attempts()) {
                    throw errors.map(error, attempt);
                }
                wait = retryAfter(response).orElse(backoff.before(attempt + 1));
                if (wait.compareTo(backoff.longest()) > 0) {
                    throw errors.waitTooLong(response.code(), wait);
                }
                LOG.info("{} answered HTTP {}; trying again in {} ms (try {} of {})", built.url().host(),
                        response.code(), wait.toMillis(), attempt + 1, backoff.attempts());
            } catch (ProviderError streamed) {
                if (!streamed.retriable() || attempt >= backoff.attempts()) {
                    throw errors.map(streamed, attempt);
                }
                wait = backoff.before(attempt + 1);
                LOG.info("{} reported {} in its stream; trying again in {} ms", built.url().host(), streamed.type(),
                        wait.toMillis());
            } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
                throw errors.unreachable(e);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new DeftException("Stopped while waiting for the model.", e);
                }
                if (attempt >= backoff.attempts()) {
                    throw errors.timedOut(attempt, e);
                }
                wait = backoff.before(attempt + 1);
                LOG.info("{} did not answer in time; trying again in {} ms", built.url().host(), wait.toMillis());
            } catch (IOException e) {
                if (attempt >= backoff.attempts()) {
                    throw errors.unreachable(e);
                }
                wait = backoff.before(attempt + 1);
                LOG.info("Talking to {} failed ({}); trying again in {} ms", built.url().host(), e.toString(),
                        wait.toMillis());
            }
            sleep(wait);
        }
    }

    private void sleep(Duration wait) {
        try {
            backoff.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeftException("Stopped while waiting to ask the model again.", e);
        }
    }

    /** {@code Retry-After} in seconds or as a date, or OpenAI's {@code retry-after-ms}. */
    private java.util.Optional<Duration> retryAfter(Response response) {
        String millis = response.header("retry-after-ms");
        if (millis != null) {
            try {
                return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.strip()))));
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
    }

    /** A short GET for probing whether a server answers; empty when it does not. */
    public java.util.Optional<String> probe(String url, Duration within) {
        OkHttpClient quick = client.newBuilder().connectTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(within.toMillis() * 2, TimeUnit.MILLISECONDS).build();
        try (Response response = quick.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            return response.isSuccessful() && body != null ? java.util.Optional.of(body.string()) : java.util.Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("No answer from {}: {}", url, e.toString());
            return java.util.Optional.empty();
        }
    }
}
