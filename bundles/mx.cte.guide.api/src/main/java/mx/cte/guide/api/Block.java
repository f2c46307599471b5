package mx.cte.guide.api;

import java.util.List;

/**
 * A piece of a guide's running text, in the order printed: a paragraph, a link, a video, an image shipped in the guide
 * bundle, a simple table, a bulleted list, or a note added by whoever encoded the guide. A descriptor writes a
 * paragraph as a plain string and the others as objects with a {@code type}. Text may carry footnote marks where
 * printed, {@code [^2]}.
 */
public sealed interface Block {

    /** Its words, for search and for reading it without its layout. */
    String plainText();

    /** The {@code type} a descriptor writes it with; empty for a paragraph, which is a plain string. */
    default String wireType() {
        return WIRE_TYPES.entrySet().stream().filter(e -> e.getValue() == getClass()).map(java.util.Map.Entry::getKey)
                .findFirst().orElse("");
    }

    /** The kind of block a descriptor's {@code type} names, if any. */
    static java.util.Optional<Class<? extends Block>> ofWireType(String type) {
        return java.util.Optional.ofNullable(WIRE_TYPES.get(type));
    }

    /** Each non-paragraph kind by its {@code type} in descriptors and in the API. */
    java.util.Map<String, Class<? extends Block>> WIRE_TYPES = java.util.Map.of("enlace", Link.class, "video",
            Video.class, "imagen", Image.class, "tabla", Table.class, "lista", BulletList.class, "nota-editorial",
            EditorialNote.class);

    /** A paragraph as printed. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            text = Immutables.text(text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /** A web address the guide points to, with the words it is printed with ({@code enlace}). */
    record Link(String url, String title) implements Block {
        public Link {
            title = Immutables.text(title);
        }

        @Override
        public String plainText() {
            return title.isEmpty() ? url : title + " " + url;
        }
    }

    /** A video to watch during the session ({@code video}), with its duration when printed. */
    record Video(String url, String title, int minutes) implements Block {
        public Video {
            title = Immutables.text(title);
        }

        @Override
        public String plainText() {
            return title + " " + url;
        }
    }

    /**
     * A figure or infographic shipped in the guide bundle ({@code imagen}).
     *
     * @param src     its path inside the bundle's {@code guide/} folder, e.g. {@code imagenes/ruta.png}
     * @param alt     what it shows, for who cannot see it
     * @param caption the caption printed under it, may be empty
     */
    record Image(String src, String alt, String caption) implements Block {
        public Image {
            caption = Immutables.text(caption);
        }

        @Override
        public String plainText() {
            return alt + " " + caption;
        }
    }

    /** A simple table ({@code tabla}): a caption, a header row and rows of cells, blank cells for a format to fill. */
    record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            caption = Immutables.text(caption);
            header = Immutables.list(header);
            rows = rows == null ? List.of() : rows.stream().map(Immutables::list).toList();
        }

        @Override
        public String plainText() {
            StringBuilder text = new StringBuilder(caption);
            header.forEach(h -> text.append(' ').append(h));
            rows.forEach(row -> row.forEach(cell -> text.append(' ').append(cell)));
            return text.toString().trim();
        }
    }

    /** A bulleted list within the text ({@code lista}). */
    record BulletList(List<String> items) implements Block {
        public BulletList {
            items = Immutables.list(items);
        }

        @Override
        public String plainText() {
            return String.join(" ", items);
        }
    }

    /** Text the guide does not print, added by whoever encoded it ({@code nota-editorial}); shown as such. */
    record EditorialNote(String text) implements Block {
        public EditorialNote {
            text = Immutables.text(text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }
}
