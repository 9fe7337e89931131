package cn.yunying.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yunying.identity.domain.Role;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoleNamesTest {

    @Test
    void thePublishedNamesAreExactlyTheRoles() throws Exception {
        Set<String> published = Arrays.stream(RoleNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers())).map(RoleNamesTest::value).collect(Collectors.toSet());
        assertEquals(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet()), published);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
