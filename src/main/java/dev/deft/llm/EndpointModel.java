package dev.deft.llm;

import dev.deft.core.LanguageModel;
import dev.deft.llm.internal.ModelHttp;
import dev.deft.llm.internal.ProviderFacts;
import java.time.Clock;

/** What the providers' clients share: the endpoint a model is at, the HTTP client for it, and saying which it is. */
abstract class EndpointModel implements LanguageModel {
    protected final ModelEndpoint endpoint;
    protected final ModelHttp http;
    private final String provider;

    EndpointModel(String provider, ModelEndpoint endpoint, ProviderFacts facts, Backoff backoff, Clock clock) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.http = new ModelHttp(facts, backoff, clock);
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final String model() {
        return endpoint.model();
    }

    @Override
    public final boolean acceptsImages() {
        return endpoint.images();
    }
}
