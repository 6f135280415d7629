package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void buildsStatusTopicOfOneDevice() {
        assertThat(Topics.device("hg-vixuyen-001", Channel.STATUS)).isEqualTo("dvctt/v1/dev/hg-vixuyen-001/status");
    }

    @Test
    void parsesTheTopicItBuilt() {
        String topic = Topics.device("Thon-7", Channel.STATUS);

        assertThat(Topics.parse(topic)).contains(new DeviceTopic("Thon-7", Channel.STATUS));
    }

    @Test
    void deviceTopicRendersItsTopicString() {
        assertThat(new DeviceTopic("a1", Channel.STATUS).topic()).isEqualTo("dvctt/v1/dev/a1/status");
    }

    @Test
    void acceptsDeviceIdOfSixtyFourCharacters() {
        String id = "a".repeat(64);

        assertThat(Topics.parse(Topics.device(id, Channel.STATUS))).map(DeviceTopic::deviceId).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev+1", "dev#", "a/b", "thôn-1", "a b", "dev_1", "dev.1"})
    void rejectsDeviceIdWithCharactersOutsideTheAlphabet(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.device(id, Channel.STATUS))
                .withMessageContaining("only A-Z, a-z, 0-9 and '-'")
                .withMessageContaining(id);
    }

    @Test
    void rejectsDeviceIdWithWildcard() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.device("+", Channel.STATUS));
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.device("#", Channel.STATUS));
    }

    @Test
    void rejectsEmptyDeviceId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.device("", Channel.STATUS))
                .withMessage("device id must not be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.device(null, Channel.STATUS));
    }

    @Test
    void rejectsDeviceIdLongerThanSixtyFourCharacters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.device("a".repeat(65), Channel.STATUS))
                .withMessageContaining("at most 64");
    }

    @Test
    void filtersOneChannelAcrossAllDevices() {
        assertThat(Topics.allDevices(Channel.STATUS)).isEqualTo("dvctt/v1/dev/+/status");
    }

    @Test
    void buildsSharedSubscriptionForAGroup() {
        assertThat(Topics.sharedSubscription("ingest", Topics.allDevices(Channel.STATUS)))
                .isEqualTo("$share/ingest/dvctt/v1/dev/+/status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+", "#"})
    void rejectsShareGroupThatIsEmptyOrHoldsTopicSyntax(String group) {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.sharedSubscription(group, "dvctt/v1/dev/+/status"));
    }

    @Test
    void rejectsSharedSubscriptionWithoutFilter() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.sharedSubscription("ingest", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dvctt/v1/dev/a1/unknown",        // unknown channel
            "dvctt/v1/dev/a1/STATUS",         // channel wire names are exact
            "dvctt/v2/dev/a1/status",         // other scheme version
            "other/v1/dev/a1/status",         // wrong prefix
            "/dvctt/v1/dev/a1/status",        // leading separator
            "dvctt/v1/dev/a1",                // too few levels
            "dvctt/v1/dev/a1/status/extra",   // too many levels
            "dvctt/v1/dev/a1/status/",        // trailing empty level
            "dvctt/v1/dev//status",           // empty id
            "dvctt/v1/dev/+/status",          // a filter is not a topic
            "dvctt/v1/dev/a_1/status",        // id outside the alphabet
            ""
    })
    void parserRejectsAnythingButAnExactDeviceTopic(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }

    @Test
    void parserRejectsNull() {
        assertThat(Topics.parse(null)).isEmpty();
    }

    @Test
    void parserRejectsDeviceIdLongerThanSixtyFourCharacters() {
        assertThat(Topics.parse("dvctt/v1/dev/" + "a".repeat(65) + "/status")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void parsesTheTopicOfEveryChannel(Channel channel) {
        assertThat(Topics.parse(Topics.device("a1", channel))).contains(new DeviceTopic("a1", channel));
    }

    @Test
    void namesTheContentSyncTopicsOnTheWire() {
        assertThat(Topics.device("a1", Channel.MANIFEST)).isEqualTo("dvctt/v1/dev/a1/manifest");
        assertThat(Topics.device("a1", Channel.CHUNK_REQUEST)).isEqualTo("dvctt/v1/dev/a1/chunk-req");
        assertThat(Topics.device("a1", Channel.CHUNK)).isEqualTo("dvctt/v1/dev/a1/chunk");
        assertThat(Topics.device("a1", Channel.INVENTORY)).isEqualTo("dvctt/v1/dev/a1/inventory");
        assertThat(Topics.device("a1", Channel.HEARTBEAT)).isEqualTo("dvctt/v1/dev/a1/heartbeat");
    }

    @Test
    void serversShareChunkRequestsThroughOneGroup() {
        assertThat(Topics.serverSubscription(Channel.CHUNK_REQUEST)).isEqualTo("$share/servers/dvctt/v1/dev/+/chunk-req");
    }

    @Test
    void serversDoNotSubscribeToWhatTheyPublish() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.serverSubscription(Channel.CHUNK));
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.serverSubscription(Channel.MANIFEST));
    }

    @Test
    void contentBytesAreNeverRetainedNorSentAboveQosZero() {
        assertThat(Channel.CHUNK.qos()).isZero();
        assertThat(Channel.CHUNK.retained()).isFalse();
        assertThat(Channel.CHUNK_REQUEST.qos()).isZero();
        assertThat(Channel.MANIFEST.retained()).isTrue();
        assertThat(Channel.MANIFEST.qos()).isEqualTo(1);
    }

    @Test
    void channelIsFoundByItsWireNameOnly() {
        assertThat(Channel.fromWireName("status")).contains(Channel.STATUS);
        assertThat(Channel.fromWireName("STATUS")).isEmpty();
    }
}
