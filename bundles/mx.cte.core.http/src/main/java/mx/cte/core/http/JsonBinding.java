package mx.cte.core.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a JSON object to a record, component by component: the member's name is the component's, or the one
 * {@link Member} gives (the wire speaks Spanish, the code English). Supported types: text, whole numbers
 * ({@code int}, {@code long} and their boxes), {@code boolean}, {@link LocalDate} (AAAA-MM-DD), lists of those, of
 * records or of lists, nested records, and {@link JsonElement} for shapes a module reads itself.
 *
 * <p>Every mistake is a 400 whose {@code campo} is the path of the member at fault ({@code fechaLimite},
 * {@code materiales[2].titulo}). Members the record does not name are ignored. An optional member that is absent or
 * null binds to null (0 or false for primitives, an empty list for lists); validating its content is the service's
 * work.
 */
public final class JsonBinding {

    /** The wire name of a component, and whether a request may leave it out. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Member {
        /** The JSON member's name; the component's own when empty. */
        String value() default "";

        boolean optional() default false;
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private record Field(String wireName, boolean optional, Class<?> type, Type genericType) {
    }

    /** A record's components as the binder reads them, computed once per class and dropped with it. */
    private record Shape(Constructor<?> constructor, List<Field> fields) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            List<Field> fields = new ArrayList<>();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                Member member = component.getAnnotation(Member.class);
                String name = member == null || member.value().isEmpty() ? component.getName() : member.value();
                fields.add(new Field(name, member != null && member.optional(), component.getType(),
                        component.getGenericType()));
                types[i] = component.getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(constructor, List.copyOf(fields));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record always has its canonical constructor", e);
            }
        }
    }

    private JsonBinding() {
    }

    public static <R extends Record> R bind(JsonObject object, Class<R> type) {
        return type.cast(record(object, type, ""));
    }

    private static Object record(JsonObject object, Class<?> type, String prefix) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.fields().size()];
        for (int i = 0; i < values.length; i++) {
            Field field = shape.fields().get(i);
            String path = prefix + field.wireName();
            JsonElement value = object.get(field.wireName());
            if (value == null || value.isJsonNull()) {
                if (!field.optional()) {
                    throw ProblemException.badField(path, "Falta el campo '" + path + "'.");
                }
                values[i] = absent(field.type());
            } else {
                values[i] = value(value, field.type(), field.genericType(), path);
            }
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            // A compact constructor that validates: its refusal is about the request.
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw ProblemException.badRequest(invalid.getMessage());
            }
            throw new IllegalStateException("Cannot build " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }

    private static Object absent(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }

    private static Object value(JsonElement value, Class<?> type, Type genericType, String path) {
        if (type == String.class) {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw ProblemException.badField(path, "El campo '" + path + "' debe ser texto.");
            }
            return value.getAsString();
        }
        if (type == long.class || type == Long.class) {
            return whole(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == int.class || type == Integer.class) {
            return (int) whole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw ProblemException.badField(path, "El campo '" + path + "' debe ser true o false.");
            }
            return value.getAsBoolean();
        }
        if (type == LocalDate.class) {
            try {
                if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                    return LocalDate.parse(value.getAsString());
                }
            } catch (DateTimeParseException e) {
                // the problem below says what a date looks like
            }
            throw ProblemException.badField(path, "El campo '" + path + "' debe ser una fecha AAAA-MM-DD.");
        }
        if (type == List.class) {
            return list(value, genericType, path);
        }
        if (type.isRecord()) {
            if (!value.isJsonObject()) {
                throw ProblemException.badField(path, "El campo '" + path + "' debe ser un objeto JSON ({…}).");
            }
            return record(value.getAsJsonObject(), type, path + ".");
        }
        if (type == JsonElement.class) {
            return value;
        }
        if (type == JsonObject.class && value.isJsonObject() || type == JsonArray.class && value.isJsonArray()) {
            return value;
        }
        if (type == JsonObject.class || type == JsonArray.class) {
            throw ProblemException.badField(path, "El campo '" + path + "' debe ser "
                    + (type == JsonObject.class ? "un objeto JSON ({…})." : "una lista ([…])."));
        }
        throw new IllegalStateException("JsonBinding cannot bind " + type.getName() + " (" + path + ")");
    }

    private static long whole(JsonElement value, String path, long min, long max) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            try {
                BigDecimal number = value.getAsBigDecimal();
                long whole = number.longValueExact();
                if (whole >= min && whole <= max) {
                    return whole;
                }
            } catch (ArithmeticException | NumberFormatException notWhole) {
                // falls through to the problem below
            }
        }
        throw ProblemException.badField(path, "El campo '" + path + "' debe ser un número entero"
                + (min == Integer.MIN_VALUE ? " de a lo más diez cifras." : "."));
    }

    private static List<Object> list(JsonElement value, Type genericType, String path) {
        if (!value.isJsonArray()) {
            throw ProblemException.badField(path, "El campo '" + path + "' debe ser una lista ([…]).");
        }
        if (!(genericType instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("JsonBinding needs List<T>, not a raw List (" + path + ")");
        }
        Type element = parameterized.getActualTypeArguments()[0];
        Class<?> elementClass = element instanceof Class<?> plain ? plain
                : element instanceof ParameterizedType nested && nested.getRawType() == List.class ? List.class
                : null;
        if (elementClass == null) {
            throw new IllegalStateException("JsonBinding cannot bind a list of " + element + " (" + path + ")");
        }
        JsonArray array = value.getAsJsonArray();
        List<Object> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            String itemPath = path + "[" + i + "]";
            if (item.isJsonNull()) {
                throw ProblemException.badField(itemPath, "El elemento '" + itemPath + "' está vacío (null).");
            }
            items.add(value(item, elementClass, element, itemPath));
        }
        return List.copyOf(items);
    }
}
