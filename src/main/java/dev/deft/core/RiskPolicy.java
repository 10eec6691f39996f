package dev.deft.core;

/** Classifies an action deterministically, from the action, its target and what the surface shows around it. */
public interface RiskPolicy {

    RiskClass classify(Action action, Observation observation);
}
