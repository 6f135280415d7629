package vn.dvctt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class MetricsAccessTest {

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", MetricsAccess.PATH);
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void loopbackOnlyByDefault() {
        MetricsAccess.AllowedAddresses allowed = MetricsAccess.AllowedAddresses.parse("127.0.0.1/32,::1/128");

        assertThat(allowed.allows(from("127.0.0.1"))).isTrue();
        assertThat(allowed.allows(from("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(allowed.allows(from("10.1.2.3"))).isFalse();
        assertThat(allowed.allows(from("203.0.113.7"))).isFalse();
    }

    @Test
    void privateRangesAdmitTheClusterButNotTheInternet() {
        MetricsAccess.AllowedAddresses allowed = MetricsAccess.AllowedAddresses.parse(" 10.0.0.0/8, 172.16.0.0/12 ,192.168.0.0/16");

        assertThat(allowed.allows(from("10.244.3.17"))).isTrue();
        assertThat(allowed.allows(from("172.31.255.1"))).isTrue();
        assertThat(allowed.allows(from("172.32.0.1"))).isFalse();
        assertThat(allowed.allows(from("8.8.8.8"))).isFalse();
    }

    @Test
    void anEmptyListAdmitsNobody() {
        assertThat(MetricsAccess.AllowedAddresses.parse("").allows(from("127.0.0.1"))).isFalse();
    }
}
