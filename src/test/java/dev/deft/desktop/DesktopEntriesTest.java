package dev.deft.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications found by what a person calls them, in .desktop files like Debian's own. */
class DesktopEntriesTest {
    @TempDir
    Path folder;
    private DesktopEntries entries;

    @BeforeEach
    void write() throws IOException {
        entry("galculator.desktop", "Name=Galculator", "Comment=Perform simple and scientific calculations",
                "Exec=galculator", "Terminal=false", "Type=Application");
        entry("org.xfce.mousepad.desktop", "Name=Mousepad", "GenericName=Text Editor", "Exec=mousepad %U", "Type=Application",
                "", "[Desktop Action window]", "Name=New Window", "Exec=mousepad --new-window");
        entry("vim.desktop", "Name=Vim", "GenericName=Text Editor", "Keywords=Text;editor;", "Exec=vim %F", "Terminal=true",
                "Type=Application");
        entry("hidden.desktop", "Name=Secret Tool", "Exec=secret", "NoDisplay=true", "Type=Application");
        entry("link.desktop", "Name=Website", "Type=Link", "URL=https://example.com");
        entries = DesktopEntries.read(List.of(folder));
    }

    @Test
    void readsNameGenericNameKeywordsAndTheCommandWithoutFieldCodes() {
        DesktopEntry mousepad = entries.find("Mousepad").orElseThrow();

        assertThat(mousepad.genericName()).isEqualTo("Text Editor");
        assertThat(mousepad.exec()).isEqualTo("mousepad");
        assertThat(mousepad.program()).isEqualTo("mousepad");
        assertThat(entries.all()).extracting(DesktopEntry::name).containsExactlyInAnyOrder("Galculator", "Mousepad", "Vim");
    }

    @Test
    void findsByGenericNameOrKeywordPreferringApplicationsWithAWindow() {
        assertThat(entries.find("the text editor")).map(DesktopEntry::name).contains("Mousepad");
        assertThat(entries.find("editor")).map(DesktopEntry::name).contains("Mousepad");
        assertThat(entries.find("vim")).map(DesktopEntry::name).contains("Vim");
    }

    @Test
    void aNearMissOfTheNameStillFindsIt() {
        assertThat(entries.find("calculator")).map(DesktopEntry::name).contains("Galculator");
        assertThat(entries.find("the calculator app")).map(DesktopEntry::name).contains("Galculator");
    }

    @Test
    void findsNothingForWordsThatNameNoApplication() {
        assertThat(entries.find("spreadsheet")).isEmpty();
        assertThat(entries.find("secret tool")).isEmpty();
        assertThat(entries.find("")).isEmpty();
    }

    private void entry(String file, String... lines) throws IOException {
        Files.writeString(folder.resolve(file), "[Desktop Entry]\n" + String.join("\n", lines) + "\n");
    }
}
