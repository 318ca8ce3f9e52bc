package org.openyibao.platform.fsi.signin;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiClock;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.fsi.FsiTransaction;

/**
 * 9001 sign-in: {@code input.signIn {opter_no, mac, ip}} → {@code output.signinoutb {sign_time, sign_no}};
 * 9002 sign-out: {@code input.signOut {sign_no, opter_no}} → {@code output.signoutoutb {sign_time}} (INTERFACE §2).
 */
@Component
public class SignInTransactions implements FsiTransaction {
    private final SignIns signIns;

    public SignInTransactions(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public String infno() {
        return "9001";
    }

    @Override
    public List<String> infnos() {
        return List.of("9001", "9002");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        ObjectNode out = FsiJson.MAPPER.createObjectNode();
        if ("9001".equals(call.infno())) {
            FsiFields in = call.fields().object("signIn");
            String opterNo = in.text("opter_no", 60);
            SignIns.SignIn s = signIns.signIn(call.fixmedinsCode(), opterNo, in.optText("mac", 60), in.optText("ip", 60),
                    call.received());
            ObjectNode b = out.putObject("signinoutb");
            b.put("sign_time", FsiClock.TIME.format(s.signTime()));
            b.put("sign_no", s.signNo());
        } else {
            FsiFields in = call.fields().object("signOut");
            String signNo = in.has("sign_no") ? in.text("sign_no", 40) : call.signNo();
            if (signNo == null || signNo.isBlank()) in.text("sign_no"); // -1 input.signOut.sign_no: required
            in.optText("opter_no", 60);
            out.putObject("signoutoutb").put("sign_time", FsiClock.TIME.format(signIns.signOut(call.fixmedinsCode(), signNo,
                    call.received())));
        }
        return out;
    }
}
