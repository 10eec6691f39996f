package dev.deft.app;

import java.util.List;

/** The example requests {@code deft demo} runs on the bundled sites: each stands alone, in a fresh browser. */
final class DemoTour {
    static final List<String> REQUESTS = List.of(
            "open the shop, search for usb cable, add the cheapest to the cart and check out",
            "open the shop, click Blue Teapot and read the price",
            "log in to the account as demo with password correct-horse, then choose Deutsch from the language list "
                    + "and tick product news",
            "open the mail, click Compose, type bob@example.com into To, type Lunch into Subject, "
                    + "type See you at noon into Message, then click Send");

    private DemoTour() {
    }
}
