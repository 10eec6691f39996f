package dev.deft.ui;

/** The desktop's global hotkeys, as the window needs them: a chord and what it does, run on the hook's thread. */
public interface Hotkeys extends AutoCloseable {

    /** @throws dev.deft.core.DeftException.Configuration when the chord cannot be read */
    void bind(String chord, Runnable action);

    void unbindAll();

    /** Empty where hotkeys work; otherwise the one line that says why not. */
    String unavailableReason();

    @Override
    void close();

    /** No global hotkeys, saying why. */
    static Hotkeys none(String why) {
        return new Hotkeys() {
            @Override
            public void bind(String chord, Runnable action) {
            }

            @Override
            public void unbindAll() {
            }

            @Override
            public String unavailableReason() {
                return why;
            }

            @Override
            public void close() {
            }
        };
    }
}
