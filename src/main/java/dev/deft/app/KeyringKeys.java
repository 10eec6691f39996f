package dev.deft.app;

import com.github.javakeyring.Keyring;
import dev.deft.safety.VaultKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's key in the operating system's keyring (Secret Service, macOS Keychain, Windows Credential Manager),
 * asked for with a time limit: a machine without one, or one that does not answer, gives none.
 */
final class KeyringKeys {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringKeys.class);
    private static final String SERVICE = "deft";
    private static final String ACCOUNT = "vault-key";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private KeyringKeys() {
    }

    /** The key kept in the keyring; with {@code create}, a new one is made and kept there when there is none. */
    static Optional<VaultKey> find(boolean create) {
        CompletableFuture<Optional<VaultKey>> asked = CompletableFuture.supplyAsync(() -> ask(create), runnable -> {
            Thread thread = new Thread(runnable, "deft-keyring");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return asked.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.info("No keyring answered in {} s; the vault needs DEFT_VAULT_PASSPHRASE", PATIENCE.toSeconds(), e);
            return Optional.empty();
        }
    }

    private static Optional<VaultKey> ask(boolean create) {
        try (Keyring keyring = Keyring.create()) {
            String stored = null;
            try {
                stored = keyring.getPassword(SERVICE, ACCOUNT);
            } catch (Exception missing) {
                LOG.debug("No vault key in the keyring yet", missing);
            }
            if (stored == null && create) {
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                stored = Base64.getEncoder().encodeToString(raw);
                keyring.setPassword(SERVICE, ACCOUNT, stored);
            }
            return Optional.ofNullable(stored).map(s -> new VaultKey.Keyring(Base64.getDecoder().decode(s)));
        } catch (Exception e) {
            LOG.info("The operating system's keyring is not available: {}", e.toString());
            return Optional.empty();
        }
    }
}
