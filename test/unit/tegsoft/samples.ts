/** The document's sample payloads (tegsoft-widget.txt, section 3.2), exactly as printed. */

export const STATUS_SAMPLE = {
  type: 'event',
  group: 'agent',
  name: 'status',
  data: {
    agent: {
      ready: false,
      busy: 25,
      notReadyReason: 'AFTERLOGIN',
      lastStateChange: '01:01',
      lastStateChangeDuration: 55,
      phoneAccess: false,
      popup_mode: 'both',
      dialoutpopup: true,
      EXTEN: '6003',
      INTERFACE: 'PJSIP/6003',
      REMOTEINTERFACE: 'PJSIP/ebd37af5-260a-436f-9bdf-44bcc9b1b946/6003',
      EXTID: '6003',
      PHONETYPE: 'WebRTCPhone',
      seatType: 'Extension',
      UID: '57bcaee3-d33b-48ea-89af-877fdb5d649b',
      USERCODE: 'test.agent',
      USERNAME: 'Test',
      SURNAME: 'Agent',
      DISPLAYNAME: 'Test Agent',
      PHOTOURL: '/Tobe/image/themes/flat2/tegsoft_user_default.png',
      isActivityMandatory: false,
      isActivityMandatoryAfterAnswer: false,
      autoAnswerActive: false,
      STATEDURATION: 55,
      LOGINDURATION: 56,
      NOTREADYDURATION: 55,
      TOTALLOGINDURATION: 33567,
      TOTALNOTREADYDURATION: 31594,
      TALKDURATION: 0,
      INBOUND: 0,
      OUTBOUND: 0,
      TOTALCALLCOUNT: 0,
      ANSWERED: 0,
      AVGTALK: 0,
      WEBCHAT: 0,
      CAMPAIGN: 0,
    },
    primarySession: {
      answerDate: '2022-10-12T07:20:58.990Z',
      sessionStartDate: '2022-10-12T07:20:58.309Z',
      endDate: null,
      isMuted: false,
      isOnHold: false,
      remoteNumber: '859995',
      isRinging: false,
      isAnswered: true,
      duration: 12,
      formattedDuration: '00:00:12',
      statusMessage: 'message_lastmessage10',
    },
  },
};

/** "Inbound Event" data. */
export const INBOUND_DATA = {
  primarySession: {
    answerDate: null,
    sessionStartDate: '2022-10-26T13:45:12.339Z',
    endDate: null,
    isMuted: false,
    isOnHold: false,
    remoteNumber: '1234567890',
    isRinging: false,
    isAnswered: false,
    duration: 0,
    formattedDuration: '00:00:00',
    statusMessage: 'message_lastmessage04',
  },
  UID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
  EXTEN: '1001',
  activeCallProperties: {
    incomingCallModalVisible: true,
    SKILL: '7000',
    DIRECTION: 'INBOUND',
    SKILLNAME: 'Technical Support',
    dstUniqueId: '1666791910.1981',
    INTERFACE: 'PJSIP/1001',
    agentUID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
    channelName: 'PJSIP/1001-00000311',
    callerId: '1234567890',
    callerIdName: '',
    REASON: 'DEFAULT',
    uniqueId: '1666791896.1980',
    CONTID: 'a219063a-4f04-4fe1-9789-36b8a044056d',
    SRCEVENT: 'AgentCalled-1666791896.1980',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: '/Tobe/contactImages/a219063a-4f04-4fe1-9789-36b8a044056d.png',
    CALLID: '1666791896.1980',
    answered: false,
  },
};

/** "Outbound (Campaign) Event" data. */
export const CAMPAIGN_DATA = {
  primarySession: {
    answerDate: '2022-10-26T13:43:43.310Z',
    sessionStartDate: '2022-10-26T13:43:42.647Z',
    endDate: null,
    isMuted: false,
    isOnHold: false,
    remoteNumber: '859995',
    isRinging: false,
    isAnswered: true,
    duration: 5,
    formattedDuration: '00:00:05',
    statusMessage: 'message_lastmessage10',
  },
  UID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
  EXTEN: '1001',
  activeCallProperties: {
    incomingCallModalVisible: false,
    agentUID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
    REASON: 'DEFAULT',
    CALLID: '1666791820.1967',
    CAMPAIGNID: '2e321272-cace-442e-b89f-e581b137e38a',
    PHONE: '123456789',
    DIRECTION: 'OUTBOUND',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: '/Tobe/image/themes/flat2//tegsoft_user_default.png',
    campaignName: 'test',
    eventName: 'campAgentConnect',
    CONTID: 'a219063a-4f04-4fe1-9789-36b8a044056d',
    answered: true,
  },
};

/** "Webchat Event" data. */
export const WEBCHAT_DATA = {
  UID: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
  EXTEN: '1001',
  activeCallProperties: {
    incomingCallModalVisible: true,
    ENGINETYPE: 'WEBUI',
    CHATID: '52537aa6-e599-48a7-8ab8-6f1f3614f550',
    REASON: 'DEFAULT',
    PHONE: '1234567890',
    CONTID: '7b7828fd-755b-4e2a-a3c5-9fd793a72d93',
    DIRECTION: 'CHAT',
    callStatusLine1: '',
    callStatusLine2: '',
    isInCall: true,
    PHOTOURL: '',
    CALLID: '52537aa6-e599-48a7-8ab8-6f1f3614f550',
    skillName: 'Test_Skill',
    callerIdName: 'Jane Poe',
    SKILLNAME: 'Test',
    answered: false,
  },
};

/** The document's "Click to Call with CTI Data" / "Set CTI Data" ctiData. */
export const CTI_SAMPLE = {
  variables: { sample1: 'value1', sample2: 'value2', sample3: 'value3', CONTID: 'sampleCONTID' },
  ctiVariableNames: ['sample1', 'sample2'],
  logDTMF: ['OPTION1: valueOPT1', 'OPTION2: valueOPT2'],
};

/** A widget event envelope (section 3.2). */
export function event(name: string, data?: unknown): Record<string, unknown> {
  return data === undefined
    ? { type: 'event', group: 'agent', name }
    : { type: 'event', group: 'agent', name, data };
}
