package org.openyibao.platform.fsi.transactions;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One uploaded fee detail (2204, 2301, 2101/2102 drugdetail), amounts already read exactly. */
record FeeLineInput(String feedetlSn, String chrgBchno, String medListCodg, String medinsListCodg,
                    LocalDateTime feeOcurTime, long amountFen, BigDecimal cnt, BigDecimal pric) {}
