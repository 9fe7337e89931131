package cn.yunying.notification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoggingSmsGatewayTest {

    @Test
    void theLogShowsOnlyTheFirstThreeAndLastFourDigits() {
        assertEquals("139****5678", LoggingSmsGateway.mask("13912345678"));
        assertEquals("***", LoggingSmsGateway.mask("123"));
        assertEquals("***", LoggingSmsGateway.mask(null));
    }
}
