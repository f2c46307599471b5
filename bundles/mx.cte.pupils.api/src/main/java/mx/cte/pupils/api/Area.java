package mx.cte.pupils.api;

/** The areas a teacher assesses each pupil in. */
public enum Area {
    READING("lectura", "Lectura"),
    WRITING("escritura", "Escritura"),
    MATHEMATICS("matematicas", "Matemáticas");

    private final String wireName;
    private final String title;

    Area(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }
}
