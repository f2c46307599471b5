package mx.cte.schools.api;

import java.util.Optional;

/**
 * The service a school gives within its level, which decides the guides it is offered besides those of its level:
 * general, indigenous, telesecundaria, community (CONAFE) or special education (a CAM). Multigrade is not a modality
 * but a way of organising groups ({@link School#multigrade()}).
 */
public enum Modality {
    GENERAL("general", "General"),
    INDIGENA("indigena", "Indígena"),
    TELESECUNDARIA("telesecundaria", "Telesecundaria"),
    COMUNITARIA("comunitaria", "Comunitaria (CONAFE)"),
    ESPECIAL("especial", "Educación especial (CAM)");

    private final String wireName;
    private final String displayName;

    Modality(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    /** As the API, the database and the guides write it. */
    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    /** Accepts {@code indigena}, {@code Indígena}, {@code CAM}, {@code Educación especial}, {@code CONAFE}, … */
    public static Optional<Modality> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Texts.fold(text).replaceFirst("^educacion ", "");
        for (Modality modality : values()) {
            if (modality.wireName.equals(folded)) {
                return Optional.of(modality);
            }
        }
        return switch (folded) {
            case "cam", "centro de atencion multiple" -> Optional.of(ESPECIAL);
            case "conafe", "comunitario", "cursos comunitarios" -> Optional.of(COMUNITARIA);
            case "indigena bilingue", "bilingue indigena" -> Optional.of(INDIGENA);
            default -> Optional.empty();
        };
    }

    /**
     * What a Clave de Centro de Trabajo says of the service: its type letters (positions 4 and 5: {@code TV}
     * telesecundaria, {@code ML} CAM, {@code CC} preescolar indígena, {@code PB} primaria indígena) and its funding
     * letter ({@code K}: CONAFE). General when it says none of these.
     */
    public static Modality of(Cct cct) {
        String value = cct.value();
        String type = value.substring(3, 5);
        if (value.charAt(2) == 'K') {
            return COMUNITARIA;
        }
        return switch (type) {
            case "TV" -> TELESECUNDARIA;
            case "ML" -> ESPECIAL;
            case "CC", "PB", "IN" -> INDIGENA;
            default -> GENERAL;
        };
    }
}
