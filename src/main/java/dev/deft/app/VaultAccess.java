package dev.deft.app;

import dev.deft.core.DeftException;
import dev.deft.core.Vault;
import dev.deft.safety.FileVault;
import dev.deft.safety.LockedVault;
import dev.deft.safety.VaultKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens the vault the way it was made: with {@code DEFT_VAULT_PASSPHRASE} or with the key in the operating
 * system's keyring. A new vault takes the passphrase when one is set, else the keyring. Without either, the
 * vault is locked and says what would open it.
 */
final class VaultAccess {
    private static final String SET_PASSPHRASE = "set DEFT_VAULT_PASSPHRASE";

    private VaultAccess() {
    }

    static Vault open(Path file, Map<String, String> env) {
        // DEFT_KEYRING=off: never ask the operating system's keyring (a headless server, a test).
        boolean keyring = !"off".equalsIgnoreCase(env.getOrDefault("DEFT_KEYRING", "").strip());
        Optional<VaultKey> passphrase = Optional.ofNullable(env.get("DEFT_VAULT_PASSPHRASE")).filter(p -> !p.isEmpty())
                .map(p -> new VaultKey.Passphrase(p.toCharArray()));
        if (!Files.exists(file)) {
            Optional<VaultKey> key = passphrase.or(() -> keyring ? KeyringKeys.find(true) : Optional.empty());
            return key.<Vault>map(k -> FileVault.open(file, k)).orElseGet(() -> new LockedVault(
                    "There is no keyring here to keep the vault's key: " + SET_PASSPHRASE + " to make a vault."));
        }
        String kind = kindOf(file);
        if (kind.equals("keyring")) {
            return (keyring ? KeyringKeys.find(false) : Optional.<VaultKey>empty()).<Vault>map(k -> FileVault.open(file, k)).orElseGet(() -> new LockedVault(
                    "The vault " + file + " is locked with a key in the operating system's keyring, which is not "
                            + "reachable now; run Deft in your desktop session."));
        }
        return passphrase.<Vault>map(k -> FileVault.open(file, k)).orElseGet(() -> new LockedVault(
                "The vault " + file + " is locked with a passphrase: " + SET_PASSPHRASE + "."));
    }

    private static String kindOf(Path file) {
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(in);
        } catch (IOException e) {
            throw new DeftException.Configuration("The vault " + file + " cannot be read: " + e.getMessage(), e);
        }
        return stored.getProperty("key", "passphrase");
    }
}
