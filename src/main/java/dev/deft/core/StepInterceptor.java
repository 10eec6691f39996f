package dev.deft.core;

/**
 * One link of the chain every step passes on its way to an actuator: approval, retry, secret injection, the
 * deadline. A link may answer itself (a refusal) or pass the step on with {@link Chain#proceed(Step)}.
 */
@FunctionalInterface
public interface StepInterceptor {

    Outcome intercept(Chain chain);

    /** The rest of the chain, as seen from one link. */
    interface Chain {
        Step step();

        Outcome proceed(Step step);
    }
}
