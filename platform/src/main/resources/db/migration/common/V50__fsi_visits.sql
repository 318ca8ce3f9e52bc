-- Visits, fee details and settlements as designated institutions report them over the national
-- interface (issue 4, INTERFACE §2): registration/admission → fee details → (pre-)settlement.

CREATE TABLE fsi_visit (
    mdtrt_id          VARCHAR(30)  PRIMARY KEY,          -- the visit ID the platform assigns (2201, 2401)
    fixmedins_code    VARCHAR(30)  NOT NULL REFERENCES institution,
    person_id         BIGINT       NOT NULL REFERENCES person,
    psn_no            VARCHAR(30)  NOT NULL,
    kind              VARCHAR(10)  NOT NULL CHECK (kind IN ('outpatient', 'inpatient', 'pharmacy')),
    med_type          VARCHAR(10),
    insutype          VARCHAR(10),
    ipt_otp_no        VARCHAR(40),
    begntime          TIMESTAMP    NOT NULL,
    endtime           TIMESTAMP,
    diagnoses         VARCHAR(400),                      -- ICD-10 codes, main first, comma-separated
    status            VARCHAR(12)  NOT NULL CHECK (status IN ('open', 'discharged', 'settled', 'cancelled')),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX fsi_visit_institution ON fsi_visit (fixmedins_code, begntime);
CREATE INDEX fsi_visit_person ON fsi_visit (person_id);

CREATE TABLE fsi_fee_detail (
    mdtrt_id             VARCHAR(30)  NOT NULL REFERENCES fsi_visit,
    feedetl_sn           VARCHAR(40)  NOT NULL,
    chrg_bchno           VARCHAR(40),
    med_list_codg        VARCHAR(60)  NOT NULL,
    medins_list_codg     VARCHAR(60),
    fee_ocur_time        TIMESTAMP,
    amount_fen           BIGINT       NOT NULL,           -- det_item_fee_sumamt
    cnt                  NUMERIC(16, 4) NOT NULL,
    pric                 NUMERIC(16, 6) NOT NULL,
    line_class           CHAR(1)      NOT NULL CHECK (line_class IN ('A', 'B', 'C')),
    selfpay_prop_ppm     INTEGER      NOT NULL,
    over_limit_fen       BIGINT       NOT NULL,
    price_limit_fen      BIGINT,
    status               VARCHAR(10)  NOT NULL CHECK (status IN ('active', 'cancelled', 'settled')),
    setl_id              VARCHAR(40),
    PRIMARY KEY (mdtrt_id, feedetl_sn)
);
CREATE INDEX fsi_fee_detail_batch ON fsi_fee_detail (mdtrt_id, chrg_bchno);

CREATE TABLE fsi_settlement (                         -- the interface's view of a settlement
    setl_id          VARCHAR(40)  PRIMARY KEY REFERENCES settlement (setl_id),
    mdtrt_id         VARCHAR(30)  NOT NULL REFERENCES fsi_visit,
    fixmedins_code   VARCHAR(30)  NOT NULL,
    chrg_bchno       VARCHAR(40),
    infno            VARCHAR(8)   NOT NULL,
    msgid            VARCHAR(40)  NOT NULL,
    med_type         VARCHAR(10),
    setl_time        TIMESTAMP    NOT NULL,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('settled', 'cancelled'))
);
CREATE INDEX fsi_settlement_msgid ON fsi_settlement (fixmedins_code, msgid);
CREATE INDEX fsi_settlement_visit ON fsi_settlement (mdtrt_id);
CREATE INDEX fsi_settlement_time ON fsi_settlement (fixmedins_code, setl_time);

CREATE TABLE fsi_filing (                             -- 2501 transfer filing, 2503 chronic/special disease filing
    trt_dcla_detl_sn VARCHAR(40)  PRIMARY KEY,
    infno            VARCHAR(8)   NOT NULL,
    fixmedins_code   VARCHAR(30)  NOT NULL,
    person_id        BIGINT       NOT NULL REFERENCES person,
    payload          TEXT         NOT NULL,
    begndate         DATE,
    enddate          DATE,
    status           VARCHAR(10)  NOT NULL DEFAULT 'valid',
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE fsi_clearing (                           -- 3203 clearing application
    clr_appy_evt_id  VARCHAR(40)  PRIMARY KEY,
    fixmedins_code   VARCHAR(30)  NOT NULL,
    clr_type         VARCHAR(10)  NOT NULL,
    begndate         DATE         NOT NULL,
    enddate          DATE         NOT NULL,
    medfee_sumamt    BIGINT       NOT NULL,
    fund_pay_sumamt  BIGINT       NOT NULL,
    acct_pay         BIGINT       NOT NULL,
    setl_cnt         INTEGER      NOT NULL,
    status           VARCHAR(10)  NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'cancelled')),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
