package mx.cte.pupils.impl;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.Chore;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.pupils.api.Area;
import mx.cte.pupils.api.GroupTally;
import mx.cte.pupils.api.GroupTeachers;
import mx.cte.pupils.api.ImportResult;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilPlace;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolYears;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pupils in the platform database (table {@code pupil}). Named reads are audited here so that no caller can forget
 * it; the retention job anonymises (or deletes) the records of school years older than the retention period, once a
 * day for the whole installation.
 */
@Component(service = PupilRecords.class, configurationPid = "mx.cte.pupils")
@Designate(ocd = PupilService.Config.class)
public final class PupilService implements PupilRecords {

    private static final Logger LOG = LoggerFactory.getLogger(PupilService.class);
    static final String MODULE = "pupils";
    static final String CHANGELOG = "mx/cte/pupils/impl/db/changelog.xml";
    static final String ANONYMISE = "anonimizar";
    static final String DELETE = "eliminar";
    private static final String COLUMNS = "id, cct, cycle, grade, group_name, name, reading, writing, mathematics,"
            + " attendance, risk, support, updated_by, updated_at, version";

    @ObjectClassDefinition(name = "CTE pupils who need support")
    public @interface Config {
        @AttributeDefinition(description = "School years a pupil's named record is kept after its own ends (the"
                + " LGPDPPSO asks to keep personal data no longer than needed)")
        int retentionYears() default 1;

        @AttributeDefinition(description = "anonimizar (the name and the support text are removed, the counts stay)"
                + " or eliminar (the record is deleted)")
        String onExpiry() default ANONYMISE;
    }

    private final Database database;
    private final AuditLog audit;
    private final SchoolDirectory directory;
    private final Clock clock;
    private final int retentionYears;
    private final String onExpiry;
    private final Chore retention = new Chore("alumnos-retencion", Duration.ofDays(1), this::applyRetention);
    private ScheduledExecutorService scheduler;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Cluster cluster;

    @Activate
    public PupilService(@Reference Database database, @Reference AuditLog audit, @Reference SchoolDirectory directory,
            Config config) {
        this(database, audit, directory, Clock.systemUTC(), config.retentionYears(), config.onExpiry());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cte-alumnos-retencion");
            thread.setDaemon(true);
            return thread;
        });
        // Asked every hour; the chore itself runs once a day for the installation.
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                retention.maybeRun(clock.instant(), () -> cluster);
            } catch (RuntimeException e) {
                LOG.warn("The pupils' retention job failed; it is tried again within the hour", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    /** Without the daily retention job: for tests and tools that call {@link #applyRetention()} themselves. */
    public PupilService(Database database, AuditLog audit, SchoolDirectory directory, Clock clock, int retentionYears,
            String onExpiry) {
        String expiry = onExpiry == null ? ANONYMISE : onExpiry.strip().toLowerCase(Locale.ROOT);
        if (!expiry.equals(ANONYMISE) && !expiry.equals(DELETE)) {
            throw new IllegalArgumentException("etc/mx.cte.pupils.cfg: onExpiry must be anonimizar or eliminar, not '"
                    + onExpiry + "'");
        }
        if (retentionYears < 0) {
            throw new IllegalArgumentException("etc/mx.cte.pupils.cfg: retentionYears must be 0 or more, not "
                    + retentionYears);
        }
        this.database = database;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
        this.retentionYears = retentionYears;
        this.onExpiry = expiry;
        database.migrate(MODULE, PupilService.class.getClassLoader(), CHANGELOG);
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static String checkedCycle(String cycle) {
        SchoolYears.problem(cycle).ifPresent(problem -> {
            throw InvalidContentException.of("ciclo", problem);
        });
        return cycle;
    }

    private School school(Cct cct) {
        return directory.school(cct).orElseThrow(() -> new NoSuchElementException("No existe la escuela " + cct
                + "."));
    }

    @Override
    public List<Pupil> ofGroup(Cct school, String cycle, int grade, String group, String reader) {
        checkedCycle(cycle);
        List<Pupil> pupils = database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS
                + " FROM pupil WHERE cct = ? AND cycle = ? AND grade = ? AND LOWER(group_name) = ? AND NOT anonymised"
                + " ORDER BY name, id", PupilService::pupil, school.value(), cycle, grade,
                group == null ? "" : group.strip().toLowerCase(Locale.ROOT)));
        audit.recordAs(reader, "alumnos-consultados", school + " " + cycle + " " + grade + "° " + group,
                pupils.size() + " alumnos con nombre");
        return pupils;
    }

    @Override
    public List<Pupil> ofSchool(Cct school, String cycle, String reader) {
        checkedCycle(cycle);
        List<Pupil> pupils = database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS
                + " FROM pupil WHERE cct = ? AND cycle = ? AND NOT anonymised ORDER BY grade, group_name, name, id",
                PupilService::pupil, school.value(), cycle));
        audit.recordAs(reader, "alumnos-exportados", school + " " + cycle, pupils.size() + " alumnos con nombre");
        return pupils;
    }

    @Override
    public List<Pupil> ofGroups(Cct school, String cycle, Collection<SchoolGroup> groups, String reader) {
        checkedCycle(cycle);
        List<Pupil> pupils = database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS
                + " FROM pupil WHERE cct = ? AND cycle = ? AND NOT anonymised ORDER BY grade, group_name, name, id",
                PupilService::pupil, school.value(), cycle)).stream()
                .filter(p -> groups.stream().anyMatch(g -> GroupTeachers.covers(g, p.content().grade(),
                        p.content().group())))
                .toList();
        audit.recordAs(reader, "alumnos-exportados", school + " " + cycle + " " + groups.stream()
                .map(PupilService::label).collect(Collectors.joining(", ")), pupils.size() + " alumnos con nombre");
        return pupils;
    }

    private static String label(SchoolGroup group) {
        return group.grades().stream().map(g -> g + "°").collect(Collectors.joining("/")) + " " + group.name();
    }

    @Override
    public Optional<PupilPlace> placeOf(Cct school, long id) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT cycle, grade, group_name FROM pupil"
                + " WHERE cct = ? AND id = ? AND NOT anonymised", row -> new PupilPlace(row.getString(1),
                        row.getInt(2), row.getString(3)), school.value(), id));
    }

    @Override
    public List<GroupTeachers> assignments(Cct school, String cycle) {
        checkedCycle(cycle);
        record Assigned(String group, String grades, String username) {
        }
        List<Assigned> rows = database.inTransaction(connection -> Sql.query(connection, "SELECT group_name, grades,"
                + " username FROM pupil_group_teacher WHERE cct = ? AND cycle = ?", row -> new Assigned(
                        row.getString(1), row.getString(2), row.getString(3)), school.value(), cycle));
        List<GroupTeachers> groups = new ArrayList<>();
        for (SchoolGroup group : school(school).groups()) {
            String grades = grades(group);
            groups.add(new GroupTeachers(group, rows.stream().filter(r -> r.group().equals(group.name())
                    && r.grades().equals(grades)).map(Assigned::username).toList()));
        }
        return groups;
    }

    private static String grades(SchoolGroup group) {
        return group.grades().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public GroupTeachers assign(Cct school, String cycle, SchoolGroup group, List<String> teachers, String author) {
        checkedCycle(cycle);
        SchoolGroup known = school(school).groups().stream().filter(g -> g.name().equalsIgnoreCase(group.name())
                && g.grades().equals(group.grades())).findFirst().orElseThrow(() -> InvalidContentException.of(
                        "grupo", "la escuela " + school + " no tiene el grupo " + label(group)));
        GroupTeachers assigned = new GroupTeachers(known, teachers);
        database.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM pupil_group_teacher WHERE cct = ? AND cycle = ? AND group_name = ?"
                    + " AND grades = ?", school.value(), cycle, known.name(), grades(known));
            for (String teacher : assigned.teachers()) {
                Sql.update(connection, "INSERT INTO pupil_group_teacher (cct, cycle, group_name, grades, username,"
                        + " assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)", school.value(), cycle,
                        known.name(), grades(known), teacher, author, clock.instant());
            }
            return null;
        });
        audit.record("grupo-asignado", school + " " + cycle + " " + label(known), assigned.teachers().isEmpty()
                ? "sin docentes" : String.join(", ", assigned.teachers()));
        return assigned;
    }

    @Override
    public Pupil add(Cct school, String cycle, PupilDraft pupil, String author) {
        checkedCycle(cycle);
        PupilDraft checked = PupilCheck.checked(school(school), pupil);
        long id = database.inTransaction(connection -> insert(connection, school, cycle, checked, author));
        audit.record("alumno-agregado", school + " #" + id, cycle + " " + checked.grade() + "° " + checked.group());
        return find(school, id).orElseThrow();
    }

    private long insert(java.sql.Connection connection, Cct school, String cycle, PupilDraft pupil, String author)
            throws SQLException {
        return Sql.insert(connection, "INSERT INTO pupil (cct, cycle, grade, group_name, name, reading, writing,"
                + " mathematics, attendance, risk, support, anonymised, updated_by, updated_at, version) VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 1)", school.value(), cycle, pupil.grade(), pupil.group(),
                pupil.name(), wire(pupil.reading()), wire(pupil.writing()), wire(pupil.mathematics()),
                pupil.attendance(), pupil.risk() == null ? null : pupil.risk().wireName(), pupil.support(), author,
                clock.instant());
    }

    private java.util.Optional<Pupil> find(Cct school, long id) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS + " FROM pupil WHERE"
                + " cct = ? AND id = ? AND NOT anonymised", PupilService::pupil, school.value(), id));
    }

    @Override
    public Pupil update(Cct school, long id, PupilDraft pupil, long expectedVersion, String author) {
        Pupil current = find(school, id).orElseThrow(() -> new NoSuchElementException("La escuela no tiene al alumno "
                + id + "."));
        PupilDraft checked = PupilCheck.checked(school(school), pupil);
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El registro del alumno " + id, expectedVersion, current.version(),
                    "UPDATE pupil SET grade = ?, group_name = ?, name = ?, reading = ?, writing = ?, mathematics = ?,"
                    + " attendance = ?, risk = ?, support = ?, updated_by = ?, updated_at = ?, version = version + 1"
                    + " WHERE cct = ? AND id = ? AND version = ?", checked.grade(), checked.group(), checked.name(),
                    wire(checked.reading()), wire(checked.writing()), wire(checked.mathematics()),
                    checked.attendance(), checked.risk() == null ? null : checked.risk().wireName(),
                    checked.support(), author, clock.instant(), school.value(), id);
            return null;
        });
        audit.record("alumno-actualizado", school + " #" + id, current.cycle() + " " + checked.grade() + "° "
                + checked.group());
        return find(school, id).orElseThrow();
    }

    @Override
    public void remove(Cct school, long id, long expectedVersion, String author) {
        Pupil current = find(school, id).orElseThrow(() -> new NoSuchElementException("La escuela no tiene al alumno "
                + id + "."));
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El registro del alumno " + id, expectedVersion, current.version(),
                    "DELETE FROM pupil WHERE cct = ? AND id = ? AND version = ?", school.value(), id);
            return null;
        });
        audit.record("alumno-eliminado", school + " #" + id, current.cycle());
    }

    @Override
    public ImportResult importList(Cct school, String cycle, InputStream list, String author) {
        return importList(school, cycle, list, author, place -> true);
    }

    @Override
    public ImportResult importList(Cct school, String cycle, InputStream list, String author,
            Predicate<PupilPlace> mayWrite) {
        checkedCycle(cycle);
        School known = school(school);
        GroupList.Parsed parsed = GroupList.read(list);
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        List<PupilDraft> drafts = new ArrayList<>();
        for (GroupList.Line line : parsed.lines()) {
            try {
                PupilDraft draft = PupilCheck.checked(known, new PupilDraft(line.name(), line.grade(), line.group(),
                        null, null, null, null, null, ""));
                if (!mayWrite.test(new PupilPlace(cycle, draft.grade(), draft.group()))) {
                    problems.add(new FieldProblem("archivo", "linea " + line.number() + ": el grupo " + draft.grade()
                            + "° " + draft.group() + " no le está asignado; la dirección asigna los grupos"));
                    continue;
                }
                drafts.add(draft);
            } catch (InvalidContentException invalid) {
                invalid.problems().forEach(p -> problems.add(new FieldProblem("archivo", "linea " + line.number()
                        + ": " + p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        List<String> skipped = new ArrayList<>();
        int added = database.inTransaction(connection -> {
            Set<String> present = new HashSet<>(Sql.query(connection, "SELECT grade, group_name, name FROM pupil WHERE"
                    + " cct = ? AND cycle = ? AND NOT anonymised", row -> key(row.getInt(1), row.getString(2),
                            row.getString(3)), school.value(), cycle));
            int count = 0;
            for (PupilDraft draft : drafts) {
                if (!present.add(key(draft.grade(), draft.group(), draft.name()))) {
                    skipped.add(draft.name() + " (" + draft.grade() + "° " + draft.group() + ")");
                    continue;
                }
                insert(connection, school, cycle, draft, author);
                count++;
            }
            return count;
        });
        audit.record("alumnos-importados", school + " " + cycle, added + " agregados, " + skipped.size()
                + " ya registrados");
        return new ImportResult(added, List.copyOf(skipped));
    }

    private static String key(int grade, String group, String name) {
        return grade + "|" + GroupList.fold(group) + "|" + GroupList.fold(name);
    }

    @Override
    public List<GroupTally> tallies(Collection<Cct> schools, String cycle) {
        if (schools.isEmpty() || SchoolYears.problem(cycle).isPresent()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(cycle);
        schools.forEach(s -> parameters.add(s.value()));
        String marks = Sql.placeholders(schools.size());
        // A pupil's counted values as a draft without name or support, so that PupilDraft.light(area) reads them.
        record Row(Cct school, PupilDraft counted) {
            int grade() {
                return counted.grade();
            }

            String group() {
                return counted.group();
            }
        }
        // Only the counted columns are read: the names never leave the database for a tally.
        List<Row> rows = database.inTransaction(connection -> Sql.query(connection, "SELECT cct, grade, group_name,"
                + " reading, writing, mathematics, attendance, risk FROM pupil WHERE cycle = ? AND cct IN (" + marks
                + ") ORDER BY cct, grade, group_name", row -> new Row(new Cct(row.getString("cct").strip()),
                        new PupilDraft(null, row.getInt("grade"), row.getString("group_name"),
                                light(row.getString("reading")), light(row.getString("writing")),
                                light(row.getString("mathematics")), (Integer) row.getObject("attendance",
                                        Integer.class), risk(row.getString("risk")), null)),
                parameters.toArray()));
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.school() + "|" + r.grade() + "|" + r.group(),
                k -> new ArrayList<>()).add(r));
        List<GroupTally> tallies = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            Map<Area, Map<Light, Integer>> lights = new EnumMap<>(Area.class);
            for (Area area : Area.values()) {
                Map<Light, Integer> counts = new EnumMap<>(Light.class);
                for (Light light : Light.values()) {
                    counts.put(light, 0);
                }
                for (Row row : group) {
                    Light light = row.counted().light(area);
                    if (light != null) {
                        counts.merge(light, 1, Integer::sum);
                    }
                }
                lights.put(area, counts);
            }
            Map<Risk, Integer> risks = new EnumMap<>(Risk.class);
            for (Risk risk : Risk.values()) {
                risks.put(risk, (int) group.stream().filter(r -> r.counted().risk() == risk).count());
            }
            int low = (int) group.stream().map(Row::counted).filter(r -> r.attendance() != null
                    && r.attendance() < LOW_ATTENDANCE).count();
            Row first = group.get(0);
            tallies.add(new GroupTally(first.school(), first.grade(), first.group(), group.size(), lights, risks,
                    low));
        }
        return tallies;
    }

    /**
     * Anonymises or deletes the named records of the school years that ended more than the retention period ago
     * (a school year ends on 31 July of its second year). Harmless to run again.
     */
    int applyRetention() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        List<String> cycles = database.inTransaction(connection -> Sql.query(connection, "SELECT cycle FROM pupil"
                + " WHERE NOT anonymised UNION SELECT cycle FROM pupil_group_teacher", row -> row.getString(1)));
        int changed = 0;
        for (String cycle : cycles) {
            if (SchoolYears.problem(cycle).isPresent()
                    || !SchoolYears.end(cycle).plusYears(retentionYears).isBefore(today)) {
                continue;
            }
            int rows = database.inTransaction(connection -> {
                // Who taught which group that year goes with the records it gave access to.
                Sql.update(connection, "DELETE FROM pupil_group_teacher WHERE cycle = ?", cycle);
                return onExpiry.equals(DELETE)
                        ? Sql.update(connection, "DELETE FROM pupil WHERE cycle = ?", cycle)
                        : Sql.update(connection, "UPDATE pupil SET name = 'Alumno ' || CAST(id AS VARCHAR(20)),"
                                + " support = '', anonymised = TRUE WHERE cycle = ? AND NOT anonymised", cycle);
            });
            changed += rows;
            if (rows == 0) {
                continue; // a year with group assignments and no named record left
            }
            audit.record(onExpiry.equals(DELETE) ? "alumnos-eliminados-por-retencion"
                    : "alumnos-anonimizados-por-retencion", "ciclo " + cycle, rows + " registros; retención de "
                    + retentionYears + " ciclo(s) después del " + SchoolYears.end(cycle));
        }
        if (changed > 0) {
            LOG.info("Retention: {} pupils' records {}", changed, onExpiry.equals(DELETE) ? "deleted" : "anonymised");
        }
        return changed;
    }

    private static String wire(Light light) {
        return light == null ? null : light.wireName();
    }

    private static Light light(String wire) {
        return wire == null ? null : Light.parse(wire).orElse(null);
    }

    private static Risk risk(String wire) {
        return wire == null ? null : Risk.parse(wire).orElse(null);
    }

    private static Pupil pupil(ResultSet row) throws SQLException {
        return new Pupil(row.getLong("id"), new Cct(row.getString("cct").strip()), row.getString("cycle"),
                new PupilDraft(row.getString("name"), row.getInt("grade"), row.getString("group_name"),
                        light(row.getString("reading")), light(row.getString("writing")),
                        light(row.getString("mathematics")), (Integer) row.getObject("attendance", Integer.class),
                        risk(row.getString("risk")), row.getString("support")),
                row.getString("updated_by"), Sql.instant(row, "updated_at"), row.getLong("version"));
    }
}
