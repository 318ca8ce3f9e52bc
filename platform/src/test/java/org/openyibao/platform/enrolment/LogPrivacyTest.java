package org.openyibao.platform.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import org.openyibao.platform.registry.Api;
import org.openyibao.platform.registry.RegistryFixture;
import org.openyibao.platform.support.TestDatabase;

/** ID numbers, valid or rejected, never reach a log line unmasked: through the API, the services or the import. */
class LogPrivacyTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noIdNumberIsLoggedUnmasked(TestDatabase.Kind kind) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(captured);
        List<String> ids = new ArrayList<>();
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Api api = new Api(f);
            String good = RegistryFixture.id(LocalDate.of(1983, 3, 3));
            String badCheck = good.substring(0, 17) + (good.charAt(17) == '5' ? '6' : '5');
            String badDate = RegistryFixture.id(LocalDate.of(1983, 3, 4)).substring(0, 10) + "0231" + good.substring(14);
            ids.addAll(List.of(good, badCheck, badDate));

            assertThat(api.post("/api/persons", "{\"cert_no\":\"" + badCheck + "\",\"name\":\"Ma Li\",\"admdvs\":\"440800\"}").body())
                    .doesNotContain(badCheck);
            assertThat(api.post("/api/persons", "{\"cert_no\":\"" + badDate + "\",\"name\":\"Ma Li\",\"admdvs\":\"440800\"}").body())
                    .doesNotContain(badDate);
            assertThat(api.post("/api/persons", "{\"cert_no\":\"" + good + "\",\"name\":\"Ma Li\",\"admdvs\":\"440800\"}").status()).isEqualTo(201);
            assertThat(api.post("/api/persons", "{\"cert_no\":\"" + good + "\",\"name\":\"Ma Li\",\"admdvs\":\"440800\"}").body())
                    .doesNotContain(good);
            assertThat(api.post("/api/persons/search", "{\"cert_no\":\"" + badCheck + "\"}").body()).doesNotContain(badCheck);

            StringWriter errors = new StringWriter();
            new BulkImport(db.dataSource, f.packs, 100).run(new StringReader("cert_no,name,admdvs,scheme,valid_from\n"
                    + badCheck + ",Ma Li,440800,resident,2018-01-01\n" + good + ",Ma Li,440800,resident,2018-01-01\n"
                    + good + ",Ma Lili,440800,resident,2019-01-01\n"), "privacy.csv", errors);
            assertThat(errors.toString()).doesNotContain(good).doesNotContain(badCheck).contains("2,cert_no: the check digit");

            // a database message quoting a row is cut to its first line and masked before it is shown or logged
            String pg = "ERROR: duplicate key value violates unique constraint \"person_cert_no_key\"\n  Detail: Key (cert_no)=(" + good
                    + ") already exists.";
            assertThat(BulkImport.safeMessage(new SQLException(pg))).doesNotContain(good).contains("person_cert_no_key");
            assertThat(BulkImport.safeMessage(new SQLException("value " + good + " refused"))).doesNotContain(good);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.list).as("the services log what they do").isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            StringBuilder text = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) text.append(' ').append(t.getMessage());
            for (String id : ids) assertThat(text.toString()).as("log line from " + e.getLoggerName()).doesNotContain(id);
        }
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("********"));
    }
}
