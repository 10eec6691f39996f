package dev.deft.browser;

import dev.deft.core.AbstractActuatorContractTest;
import dev.deft.core.Action;
import dev.deft.core.Actuator;
import dev.deft.demo.DemoServer;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The browser actuator keeps the contract of every actuator. */
class BrowserActuatorContractIT extends AbstractActuatorContractTest {
    private static DemoServer server;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected Actuator newActuator() {
        return new BrowserActuator(DemoBrowser.settings(), Optional.empty(), UnaryOperator.identity());
    }

    @Override
    protected Action harmlessAction() {
        return new Action.OpenUrl(server.url("/"));
    }
}
