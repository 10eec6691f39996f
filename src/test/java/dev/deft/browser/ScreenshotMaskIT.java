package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.core.Action;
import dev.deft.core.Outcome;
import dev.deft.core.Target;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Screenshots never show a secret: the field Deft typed a secret into, and card fields, come out the same whatever
 * they hold, so no reader of the picture — person or OCR — can learn the value. A plain field, by contrast, shows it.
 */
class ScreenshotMaskIT {

    /** The pixels of the element's box in the screenshot the step saved. */
    private static int[] pixelsOf(DemoBrowser browser, Outcome.Done typed, String fieldName) throws Exception {
        PageElement field = browser.page().pageElements().stream().filter(e -> e.name().equals(fieldName)).findFirst()
                .orElseThrow();
        BufferedImage shot = ImageIO.read(typed.screenshot().map(Path::toFile).orElseThrow());
        PageElement.Box box = field.box();
        return shot.getRGB(box.x() + 2, box.y() + 2, box.width() - 4, box.height() - 4, null, 0, box.width() - 4);
    }

    private static int[] typedInto(String value, String secretValue, String fieldLabel, String fieldName) throws Exception {
        try (DemoBrowser browser = DemoBrowser.start(text -> text.replace("{{secret:card}}", secretValue), Duration.ofSeconds(4))) {
            browser.open("shop/?reset=1");
            browser.open("shop/product.html?id=mug");
            browser.must(new Action.Click(Target.byText("Add to cart")));
            browser.open("shop/checkout.html");
            Outcome.Done typed = browser.must(new Action.Type(Target.byLabel(fieldLabel), value));
            return pixelsOf(browser, typed, fieldName);
        }
    }

    @Test
    void aSecretTypedIntoACardFieldLooksTheSameWhateverItIs() throws Exception {
        int[] first = typedInto("{{secret:card}}", "4242 4242 4242 4242", "Card number", "Card number");
        int[] second = typedInto("{{secret:card}}", "5555 1111 2222 3333", "Card number", "Card number");

        assertThat(Arrays.equals(first, second)).as("the card field's pixels differ with its value").isTrue();
    }

    @Test
    void aPlainFieldStillShowsWhatItHolds() throws Exception {
        int[] first = typedInto("Ann Example", "", "Name on card", "Name on card");
        int[] second = typedInto("Bob Sample!", "", "Name on card", "Name on card");
        int[] plainFirst = typedInto("Tea", "", "Search products", "Search products");
        int[] plainSecond = typedInto("Pen", "", "Search products", "Search products");

        assertThat(Arrays.equals(first, second)).as("the name on a card is masked as part of the card").isTrue();
        assertThat(Arrays.equals(plainFirst, plainSecond)).as("a search box shows what it holds").isFalse();
    }
}
