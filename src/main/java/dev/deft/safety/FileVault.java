package dev.deft.safety;

import dev.deft.core.DeftException;
import dev.deft.core.Secrets;
import dev.deft.core.Vault;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The vault as one properties file in the data folder, each secret sealed with AES-256-GCM under a key from the keyring
 * or a passphrase. Every write goes to a new file that then replaces the old one, so a crash never leaves half a
 * vault; the file is readable by its owner only.
 */
public final class FileVault implements Vault {
    private static final String CHECK = "deft-vault";
    private static final String SECRET = "secret.";
    private static final int MASK_MIN_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String kind;
    private final byte[] salt;
    private final SecretKey key;
    private final Map<String, String> secrets = new TreeMap<>();

    private FileVault(Path file, String kind, byte[] salt, SecretKey key) {
        this.file = file;
        this.kind = kind;
        this.salt = salt;
        this.key = key;
    }

    /**
     * Opens the vault in {@code file}, or starts an empty one there.
     *
     * @throws DeftException.Configuration when the key does not open it, or the file is damaged
     */
    public static FileVault open(Path file, VaultKey source) {
        if (!Files.exists(file)) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new FileVault(file, source.kind(), salt, source.key(salt));
        }
        try (var in = Files.newInputStream(file)) {
            Properties stored = new Properties();
            stored.load(in);
            String kind = stored.getProperty("key", "");
            if (!kind.equals(source.kind())) {
                throw new DeftException.Configuration("The vault " + file + " is locked with a " + kind
                        + ", not a " + source.kind() + (kind.equals("passphrase") ? "; set DEFT_VAULT_PASSPHRASE." : "."));
            }
            byte[] salt = Base64.getDecoder().decode(stored.getProperty("salt", ""));
            FileVault vault = new FileVault(file, kind, salt, source.key(salt));
            if (!CHECK.equals(vault.open(stored.getProperty("check", "")))) {
                throw new DeftException.Configuration("The vault " + file + " is damaged.");
            }
            for (String property : stored.stringPropertyNames()) {
                if (property.startsWith(SECRET)) {
                    vault.secrets.put(property.substring(SECRET.length()), vault.open(stored.getProperty(property)));
                }
            }
            return vault;
        } catch (WrongKey e) {
            throw new DeftException.Configuration("The vault passphrase does not open " + file
                    + "; check DEFT_VAULT_PASSPHRASE.", e);
        } catch (IOException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new DeftException.Configuration("The vault " + file + " cannot be read (" + e.getMessage()
                    + "); move it away to start a new one.", e);
        }
    }

    @Override
    public synchronized String reveal(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = secrets.get(placeholder.group(1));
            if (value == null) {
                throw new DeftException("No secret named \"" + placeholder.group(1) + "\" is in the vault; add it with: "
                        + "deft secrets set " + placeholder.group(1));
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** Longest values first, so that a secret containing another is masked whole. Very short values are left. */
    @Override
    public synchronized String mask(String text) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        List<Map.Entry<String, String>> bySize = new ArrayList<>(secrets.entrySet());
        bySize.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        String masked = text;
        for (Map.Entry<String, String> secret : bySize) {
            if (secret.getValue().length() >= MASK_MIN_LENGTH) {
                masked = masked.replace(secret.getValue(), "{{secret:" + secret.getKey() + "}}");
            }
        }
        return masked;
    }

    @Override
    public synchronized void put(String name, String value) {
        Vault.checkName(name);
        if (value == null || value.isEmpty()) {
            throw new DeftException.Configuration("The secret \"" + name + "\" is empty.");
        }
        if (Secrets.hasPlaceholder(value)) {
            throw new DeftException.Configuration("A secret's value cannot itself be a {{secret:…}} placeholder.");
        }
        String before = secrets.put(name, value);
        try {
            save();
        } catch (RuntimeException e) {
            if (before == null) secrets.remove(name); else secrets.put(name, before);
            throw e;
        }
    }

    @Override
    public synchronized boolean remove(String name) {
        String before = secrets.remove(name);
        if (before == null) {
            return false;
        }
        try {
            save();
        } catch (RuntimeException e) {
            secrets.put(name, before);
            throw e;
        }
        return true;
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(secrets.keySet());
    }

    private void save() {
        Properties stored = new Properties();
        stored.setProperty("version", "1");
        stored.setProperty("key", kind);
        stored.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        stored.setProperty("check", seal(CHECK));
        secrets.forEach((name, value) -> stored.setProperty(SECRET + name, seal(value)));
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path next = Files.createTempFile(folder, ".vault", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
                }
                try (var out = Files.newOutputStream(next)) {
                    stored.store(out, "Deft's vault: each value is sealed with AES-256-GCM");
                }
                try {
                    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new DeftException.Configuration("Cannot write the vault " + file + ": " + e.getMessage(), e);
        }
    }

    private String seal(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new DeftException("This Java cannot seal the vault: " + e.getMessage(), e);
        }
    }

    private String open(String sealedBase64) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKey(e);
        } catch (GeneralSecurityException e) {
            throw new DeftException("This Java cannot open the vault: " + e.getMessage(), e);
        }
    }

    /** The key does not open what the vault sealed. */
    private static final class WrongKey extends RuntimeException {
        WrongKey(Throwable cause) {
            super(cause);
        }
    }
}
