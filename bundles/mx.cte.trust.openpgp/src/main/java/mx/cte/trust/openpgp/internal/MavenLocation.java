package mx.cte.trust.openpgp.internal;

/**
 * A Pax URL {@code mvn:} bundle location ({@code mvn:[repository!]group/artifact/version[/type[/classifier]]}) and the
 * path of its file in a Maven repository layout, such as the distribution's {@code system/}.
 */
record MavenLocation(String group, String artifact, String version, String type, String classifier) {

    static MavenLocation parse(String location) {
        String coordinates = location.substring("mvn:".length());
        int bang = coordinates.lastIndexOf('!');
        if (bang >= 0) {
            coordinates = coordinates.substring(bang + 1);
        }
        String[] parts = coordinates.split("/", -1);
        if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()
                || parts[2].contains("..") || parts[0].contains("..") || parts[1].contains("..")) {
            throw new IllegalArgumentException("not a mvn: location with group, artifact and version: " + location);
        }
        String type = parts.length > 3 && !parts[3].isBlank() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isBlank() ? parts[4] : "";
        return new MavenLocation(parts[0], parts[1], parts[2], type, classifier);
    }

    String path() {
        return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version
                + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
    }
}
