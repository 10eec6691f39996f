package dev.deft.core;

/**
 * Takes every secret out of what comes back from the actuator, so that the real value, which only the actuator
 * ever held, reaches no event, journal, log or planner.
 */
final class SecretMaskingLink implements StepInterceptor {
    private final Secrets secrets;

    SecretMaskingLink(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Outcome outcome = chain.proceed(chain.step());
        if (outcome instanceof Outcome.Done done) {
            return new Outcome.Done(secrets.mask(done.detail()), done.value().map(secrets::mask), done.screenshot());
        }
        if (outcome instanceof Outcome.Failed failed) {
            return new Outcome.Failed(secrets.mask(failed.detail()), failed.retriable());
        }
        return outcome;
    }
}
