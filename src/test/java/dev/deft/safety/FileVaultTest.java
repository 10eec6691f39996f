package dev.deft.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.DeftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVaultTest {
    @TempDir
    Path data;

    private Path file() {
        return data.resolve("vault.properties");
    }

    private static VaultKey passphrase(String words) {
        return new VaultKey.Passphrase(words.toCharArray());
    }

    @Test
    void aSecretIsRevealedIntoItsPlaceholderAndMaskedBackOutOfAnyText() {
        FileVault vault = FileVault.open(file(), passphrase("correct horse"));
        vault.put("shop-password", "hunter2hunter2");

        assertThat(vault.reveal("user=kasey pass={{secret:shop-password}}")).isEqualTo("user=kasey pass=hunter2hunter2");
        assertThat(vault.mask("typed hunter2hunter2 into Password")).isEqualTo("typed {{secret:shop-password}} into Password");
        assertThat(vault.names()).containsExactly("shop-password");
    }

    @Test
    void theFileHoldsNoSecretInClearAndOnlyItsOwnerCanReadIt() throws Exception {
        FileVault.open(file(), passphrase("correct horse")).put("card", "4242424242424242");

        String stored = Files.readString(file());
        assertThat(stored).doesNotContain("4242424242424242").doesNotContain("correct horse").contains("secret.card=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void theSamePassphraseOpensItAgainAndAnotherDoesNot() {
        FileVault.open(file(), passphrase("correct horse")).put("card", "4242424242424242");

        assertThat(FileVault.open(file(), passphrase("correct horse")).reveal("{{secret:card}}")).isEqualTo("4242424242424242");
        assertThatThrownBy(() -> FileVault.open(file(), passphrase("wrong horse")))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("passphrase does not open");
    }

    @Test
    void aDamagedFileIsACleanErrorAndIsLeftAsItWas() throws Exception {
        Files.writeString(file(), "key=passphrase\nsalt=not base64!!\n");

        assertThatThrownBy(() -> FileVault.open(file(), passphrase("x")))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("cannot be read");
        assertThat(Files.readString(file())).isEqualTo("key=passphrase\nsalt=not base64!!\n");
    }

    @Test
    void anUnknownSecretIsNamedWithHowToAddIt() {
        FileVault vault = FileVault.open(file(), passphrase("p"));

        assertThatThrownBy(() -> vault.reveal("{{secret:bank}}")).hasMessageContaining("deft secrets set bank");
    }

    @Test
    void aSecretCanBeRemovedAndBadNamesAreRefused() {
        FileVault vault = FileVault.open(file(), passphrase("p"));
        vault.put("a.b-c_1", "value-one");

        assertThat(vault.remove("a.b-c_1")).isTrue();
        assertThat(vault.remove("a.b-c_1")).isFalse();
        assertThat(FileVault.open(file(), passphrase("p")).names()).isEmpty();
        assertThatThrownBy(() -> vault.put("has space", "x")).isInstanceOf(DeftException.Configuration.class);
    }

    @Test
    void aLongerSecretThatContainsAShorterOneIsMaskedWhole() {
        FileVault vault = FileVault.open(file(), passphrase("p"));
        vault.put("short", "abcd");
        vault.put("long", "abcd-efgh");

        assertThat(vault.mask("abcd-efgh and abcd")).isEqualTo("{{secret:long}} and {{secret:short}}");
    }
}
