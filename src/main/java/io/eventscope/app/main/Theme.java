package io.eventscope.app.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The window's look: AtlantaFX's Primer theme, light or dark, as the user agent stylesheet. */
public final class Theme {
    private Theme() {
    }

    /**
     * Applying it again is free: JavaFX keeps a user agent stylesheet that did not change. Applied
     * before the first control is made, it is the only one loaded: the first control otherwise loads
     * JavaFX's own Modena, which the theme then replaces (a twentieth of the window's start on the FX
     * thread).
     */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
