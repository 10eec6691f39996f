package dev.deft.safety;

import dev.deft.core.DeftException;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Where the vault's AES key comes from: the operating system's keyring, or a passphrase. */
public sealed interface VaultKey {

    /** How the vault file names this kind of key, so that it is opened the same way next time. */
    String kind();

    /** The 256-bit AES key, derived with the vault's salt where the kind needs one. */
    SecretKey key(byte[] salt);

    /** A key derived from a passphrase with PBKDF2 (HMAC-SHA256, 310,000 iterations). */
    record Passphrase(char[] passphrase) implements VaultKey {
        public Passphrase {
            if (passphrase == null || passphrase.length == 0) {
                throw new DeftException.Configuration("The vault passphrase is empty; set DEFT_VAULT_PASSPHRASE.");
            }
            passphrase = passphrase.clone();
        }

        @Override
        public String kind() {
            return "passphrase";
        }

        @Override
        public SecretKey key(byte[] salt) {
            try {
                KeySpec spec = new PBEKeySpec(passphrase, salt, 310_000, 256);
                byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                return new SecretKeySpec(raw, "AES");
            } catch (GeneralSecurityException e) {
                throw new DeftException("This Java cannot derive the vault key: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "Passphrase[hidden]";
        }
    }

    /** A random key kept in the operating system's keyring. */
    record Keyring(byte[] raw) implements VaultKey {
        public Keyring {
            if (raw == null || raw.length != 32) {
                throw new IllegalArgumentException("a keyring key has 32 bytes");
            }
            raw = raw.clone();
        }

        @Override
        public String kind() {
            return "keyring";
        }

        @Override
        public SecretKey key(byte[] salt) {
            return new SecretKeySpec(raw, "AES");
        }

        @Override
        public String toString() {
            return "Keyring[hidden]";
        }
    }
}
