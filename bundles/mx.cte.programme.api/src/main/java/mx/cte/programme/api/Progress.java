package mx.cte.programme.api;

import java.util.Optional;
import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** Where an action stands at a session's follow-up. */
public enum Progress implements WireNamed {
    SIN_INICIAR("sin-iniciar", "Sin iniciar"),
    EN_PROCESO("en-proceso", "En proceso"),
    CUMPLIDA("cumplida", "Cumplida"),
    SUSPENDIDA("suspendida", "Suspendida");

    private final String wireName;
    private final String title;

    Progress(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public static Optional<Progress> parse(String wireName) {
        return WireNames.find(Progress.class, wireName);
    }
}
