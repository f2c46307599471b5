package mx.cte.schools.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The schools the platform knows, by state, zone and CCT. */
@ProviderType
public interface SchoolDirectory {

    Optional<School> school(Cct cct);

    /** The zone's schools, by CCT. */
    List<School> schools(ZoneId zone);

    /** The state's zones that have schools, with how many. */
    List<Zone> zones(State state);

    /**
     * Sets whether the school is multigrade and its groups.
     *
     * @param expectedVersion the version the change was based on
     * @throws IllegalArgumentException         naming every problem of the structure
     * @throws java.util.NoSuchElementException when the school is unknown
     * @throws mx.cte.storage.api.StaleVersionException when the school changed since that version
     */
    School updateStructure(Cct cct, SchoolStructure structure, long expectedVersion);

    /**
     * Imports a school catalogue in CSV with a header row and the columns CCT, NOMBRE, ENTIDAD, MUNICIPIO, ZONA,
     * NIVEL and TURNO (in any order; the public catalogue's names such as CLAVE_CCT or NOMBRE_CT are recognised).
     * UTF-8 is expected; a file in Windows-1252, as spreadsheets often save it, is read as such. Known schools are
     * updated, new ones added, zones created as needed; a school's groups and multigrade flag are left alone.
     * All or nothing: a rejected row or an unreadable file writes nothing.
     */
    ImportReport importCatalogue(InputStream csv, String source, ImportProgress progress);

    /**
     * {@link #importCatalogue(InputStream, String, ImportProgress)} of a file already on disk, read from there twice
     * (checked, then written) without a copy and without holding it in memory.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    ImportReport importCatalogue(java.nio.file.Path csv, String source, ImportProgress progress);
}
