package dev.deft.core;

import java.util.List;

/** The links in order, the last one being the one that reaches the actuator. */
final class StepChain implements StepInterceptor.Chain {
    private final List<StepInterceptor> links;
    private final int index;
    private final Step step;

    StepChain(List<StepInterceptor> links, int index, Step step) {
        this.links = links;
        this.index = index;
        this.step = step;
    }

    @Override
    public Step step() {
        return step;
    }

    @Override
    public Outcome proceed(Step next) {
        if (index >= links.size()) {
            throw new IllegalStateException("the last link of a step chain must not call proceed");
        }
        return links.get(index).intercept(new StepChain(links, index + 1, next));
    }
}
