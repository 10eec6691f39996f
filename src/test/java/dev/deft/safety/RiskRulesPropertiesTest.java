package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.AgentLoop;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.Plan;
import dev.deft.core.PlannedAction;
import dev.deft.core.RecordingActuator;
import dev.deft.core.RiskClass;
import dev.deft.core.RunControl;
import dev.deft.core.RunEvent;
import dev.deft.core.RunLimits;
import dev.deft.core.ScriptedPlanner;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import dev.deft.core.EventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random controls on random forms: whatever the words around them, the class is never lower than what the
 * form and the control's own verb call for, and a planner's lower claim never wins.
 */
class RiskRulesPropertiesTest {
    private final RiskRules rules = new RiskRules();

    /** Fields by what they mean, as sites spell them. */
    private static final List<TargetFacts.Field> CARD = List.of(
            new TargetFacts.Field("Card number", "", "text", "cc-number", ""),
            new TargetFacts.Field("", "cardnumber", "tel", "cc-number", ""),
            new TargetFacts.Field("CVC", "cvc", "text", "", ""),
            new TargetFacts.Field("Security code", "", "password", "cc-csc", ""),
            new TargetFacts.Field("Amount", "amount", "number", "", ""),
            new TargetFacts.Field("Expiry", "exp", "text", "cc-exp", ""));
    private static final List<TargetFacts.Field> RECIPIENT = List.of(
            new TargetFacts.Field("To", "to", "text", "", ""),
            new TargetFacts.Field("Recipients", "", "text", "", ""),
            new TargetFacts.Field("", "recipient", "email", "", ""));
    private static final List<TargetFacts.Field> MESSAGE = List.of(
            new TargetFacts.Field("Message", "", "textarea", "", ""),
            new TargetFacts.Field("Body", "body", "textarea", "", ""),
            new TargetFacts.Field("Your comment", "", "textarea", "", ""));
    private static final List<TargetFacts.Field> NEW_PASSWORD = List.of(
            new TargetFacts.Field("New password", "", "password", "new-password", ""),
            new TargetFacts.Field("", "pw2", "password", "new-password", ""));
    private static final List<TargetFacts.Field> PLAIN = List.of(
            new TargetFacts.Field("Name", "name", "text", "name", ""),
            new TargetFacts.Field("Quantity", "qty", "number", "", ""),
            new TargetFacts.Field("Colour", "", "select", "", ""),
            new TargetFacts.Field("Search", "q", "search", "", ""));

    private static final List<String> PAY_VERBS = List.of("Buy now", "Place order", "Pay", "Checkout", "Donate",
            "Subscribe", "Transfer");
    private static final List<String> SEND_VERBS = List.of("Send", "Post", "Publish", "Share", "Invite", "Forward");
    private static final List<String> DELETE_VERBS = List.of("Delete", "Remove", "Discard", "Erase");
    private static final List<String> ACCOUNT_VERBS = List.of("Change password", "Grant access", "Install");
    private static final List<String> FILLER = List.of("", "now", "all", "it", "this", "item", "please", "›", "→");

    record Form(List<TargetFacts.Field> fields, RiskClass atLeast) {
    }

    record Control(String text, RiskClass atLeast) {
    }

    @Provide
    Arbitrary<Form> forms() {
        Arbitrary<List<TargetFacts.Field>> plain = Arbitraries.of(PLAIN).list().ofMaxSize(3);
        Arbitrary<Boolean> card = Arbitraries.of(true, false);
        Arbitrary<Boolean> send = Arbitraries.of(true, false);
        Arbitrary<Boolean> password = Arbitraries.of(true, false);
        return Combinators.combine(plain, card, send, password, Arbitraries.of(CARD), Arbitraries.of(RECIPIENT),
                Arbitraries.of(MESSAGE), Arbitraries.of(NEW_PASSWORD)).as((p, c, s, pw, cf, rf, mf, nf) -> {
                    List<TargetFacts.Field> fields = new ArrayList<>(p);
                    RiskClass least = RiskClass.SUBMIT;
                    if (c) {
                        fields.add(cf);
                        least = least.atLeast(RiskClass.PAY);
                    }
                    if (s) {
                        fields.add(rf);
                        fields.add(mf);
                        least = least.atLeast(RiskClass.SEND);
                    }
                    if (pw) {
                        fields.add(nf);
                        least = least.atLeast(RiskClass.ACCOUNT);
                    }
                    java.util.Collections.shuffle(fields, new java.util.Random(fields.size()));
                    return new Form(fields, least);
                });
    }

    @Provide
    Arbitrary<Control> controls() {
        Arbitrary<Control> risky = Arbitraries.oneOf(
                Arbitraries.of(PAY_VERBS).map(v -> new Control(v, RiskClass.PAY)),
                Arbitraries.of(SEND_VERBS).map(v -> new Control(v, RiskClass.SEND)),
                Arbitraries.of(DELETE_VERBS).map(v -> new Control(v, RiskClass.DELETE)),
                Arbitraries.of(ACCOUNT_VERBS).map(v -> new Control(v, RiskClass.ACCOUNT)),
                Arbitraries.of("Continue", "Next", "OK", "Go", "Done", "Apply").map(v -> new Control(v, RiskClass.READ)));
        return Combinators.combine(risky, Arbitraries.of(FILLER), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((control, filler, upper, before) -> {
                    String text = before ? (filler + " " + control.text()) : (control.text() + " " + filler);
                    text = upper ? text.toUpperCase(Locale.ROOT) : text;
                    return new Control(text.strip(), control.atLeast());
                });
    }

    @Property(tries = 500)
    void submittingAControlOfAFormIsNeverBelowWhatTheFormAndTheVerbCallFor(@ForAll("forms") Form form,
                                                                            @ForAll("controls") Control control) {
        FormPage page = new FormPage("http://127.0.0.1/page", "button", true, form.fields());

        RiskClass risk = rules.classify(new Action.Click(Target.byText(control.text())), page);

        assertThat(risk).isGreaterThanOrEqualTo(form.atLeast()).isGreaterThanOrEqualTo(control.atLeast());
    }

    @Property(tries = 300)
    void enterInAnyFieldOfAFormIsNeverBelowWhatTheFormCallsFor(@ForAll("forms") Form form) {
        FormPage page = new FormPage("http://127.0.0.1/page", "textbox", false, form.fields());

        RiskClass risk = rules.classify(new Action.PressKey(Optional.of(Target.byLabel("Quantity")), "Enter"), page);

        assertThat(risk).isGreaterThanOrEqualTo(form.atLeast());
    }

    @Property(tries = 200)
    void aPlannersLowerClassNeverWinsAndARefusedStepNeverReachesTheActuator(@ForAll("forms") Form form,
            @ForAll("controls") Control control, @ForAll RiskClass claimed) {
        FormPage page = new FormPage("http://127.0.0.1/page", "button", true, form.fields());
        Action click = new Action.Click(Target.byText(control.text()));
        RiskClass policy = rules.classify(click, page);
        RecordingActuator actuator = new RecordingActuator() {
        };
        EventLog log = new EventLog();
        AgentLoop loop = new AgentLoop(new ScriptedPlanner(new Plan.Act(List.of(new PlannedAction(click, claimed, "")),
                "", 0)), List.of(new FixedPage(actuator, page)), rules,
                request -> CompletableFuture.completedFuture(ApprovalDecision.reject("nobody", Clock.systemUTC().instant())),
                List.of(), RunLimits.defaults(), Clock.systemUTC());

        loop.run("r", "x", log, new RunControl());

        RiskClass planned = log.of(RunEvent.StepPlanned.class).get(0).risk();
        assertThat(planned).isEqualTo(policy.atLeast(claimed));
        if (planned.needsApproval()) {
            assertThat(actuator.performed).isEmpty();
        }
    }

    /** The recording actuator, always observing the same form page. */
    private record FixedPage(RecordingActuator inner, FormPage page) implements dev.deft.core.Actuator {
        @Override public String surface() { return "browser"; }
        @Override public boolean handles(Action action) { return inner.handles(action); }
        @Override public dev.deft.core.Observation observe() { return page; }
        @Override public dev.deft.core.Outcome perform(Action action, dev.deft.core.ActGuard guard) {
            // what the guard reads is this form page, not the recording actuator's own pretend one
            return inner.perform(action, found -> guard.admit(new dev.deft.core.Resolution(found.bound(), page,
                    found.disagreement())));
        }
    }
}
