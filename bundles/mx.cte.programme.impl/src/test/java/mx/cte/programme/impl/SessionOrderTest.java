package mx.cte.programme.impl;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class SessionOrderTest {

    @Test
    public void sessionsComeInTheOrderTheyAreHeld() {
        List<String> sessions = new ArrayList<>(List.of("SEP:2019-2020:primaria:ordinaria-10",
                "SEP:2019-2020:primaria:ordinaria-2", "SEP:2019-2020:primaria:intensiva",
                "SEP:2019-2020:primaria:ordinaria-1"));
        sessions.sort(SessionOrder.INSTANCE);
        assertEquals(List.of("SEP:2019-2020:primaria:intensiva", "SEP:2019-2020:primaria:ordinaria-1",
                "SEP:2019-2020:primaria:ordinaria-2", "SEP:2019-2020:primaria:ordinaria-10"), sessions);
    }
}
