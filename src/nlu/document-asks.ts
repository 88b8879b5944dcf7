/**
 * What a question asks of a document as a whole or of who acts under it (文号, 发文单位, 日期, 执行期, 负责部门 …), by its
 * words: read by the document-facts answer and by the search, which puts a document's preamble first for the facts it
 * holds.
 */
export const DOCUMENT_ASKS = {
  number: /(文号|发文字号|几号文|哪个文件号|(文件|发文)?编号|文件号)/,
  index: /索引号/,
  issuer: /(谁发|谁(印发|发布|制定|出台)|(哪个|哪一个|哪家|什么)(单位|机关|部门|机构)[^，。？?]{0,3}(发|印发|发布|出台|制定|下发)|发文(单位|机关|部门)|印发单位|哪里发的|发布单位|制定单位|发布机构|发文机构|印发机关)/,
  date: /((什么时候|啥时候|何时)(发|出|印|公布|颁布)|(哪天|哪一天|几号|几月几号|几月几日)(发|出|印|签)|落款(日期|时间)|发文日期|成文日期|印发日期|发布日期|哪一年(发|出)|(印发|发布|出台)(于|的)?(哪天|哪一天|什么时候|啥时候|日期)|\d{4}年\d{1,2}月\d{1,2}日[^，。？?]{0,4}(印发|发布|出台|发的|签发|成文))/,
  period: /(有效期|执行期|实施期|到什么时候|截止|哪年到哪年|(文件|政策|计划|意见|行动)[^，。？?]{0,6}(几年|期限)(?![^，。？?]{0,6}(加起来|一共|合计|总共|累计)))/,
  // (Asked for: 咨询电话, 联系方式, 找谁 — not 做咨询的 or 打了电话, said of oneself.)
  contact: /(联系方式|联系电话|联系人|怎么联系|联系谁|联系哪|电话(号码)?(是)?多少|什么电话|咨询电话|电话吗|有电话|热线(电话|号码|是多少|多少)|有(没有)?热线|邮箱|地址|找谁|窗口|去哪咨询|哪里咨询|向谁咨询|咨询哪)/,
  responsible: /((是|归|由)哪个部门(?!发|印发|出台|制定)|归哪个单位|哪个部门负责|谁负责|由谁|(谁|哪个|哪一个|什么)(部门|单位|机构)?(来)?牵头|牵头(部门|单位|的是|的部门)|负责部门|责任单位|归口|设在哪|设在什么|哪个部门(申请|受理|办理|管)|找哪个部门|向哪个部门|哪个单位负责|部门负责|(哪个|哪一个|什么)(局|委|机构|处室|部门|单位)[^，。？?]{0,3}(负责|牵头|主管|管|受理|办理|审核|审批)|(归|由|找|向)(哪个|哪一个|什么)(局|委|机构|处室|部门|单位))/,
  // The notice's closing lines, by their own labels (公开方式：主动公开, 抄送：…).
  footer: /(公开方式|是否公开|公开吗|抄送)/,
  addressees: /(主送|受文(单位|对象)|(发|印发|下发|送)(给|到)了?(谁|哪些|哪个|哪几)|下发(了)?(哪些|哪几)|发到哪)/,
  report: /((向|找|跟|给)[^，。？?]{0,8}反映|反映给|问题[^，。？?]{0,6}反映|(执行|实施)[^，。？?]{0,6}(遇到|碰到|出现|有)[^，。？?]{0,3}问题)/,
  meeting: /(哪次会议|什么会议|会议(讨论|审议|通过)|(审议|讨论)通过|哪次[^，,。？?]{0,10}会|常务会)/,
  basis: /((贯彻|依据|根据|落实)[^，。？?]{0,8}(哪个|什么|哪份)?(文件|精神|规定)|(贯彻|依据|根据|落实)[^，。？?]{0,8}(哪个|什么|哪份)文|上级文件|哪个文件的精神)/,
};
export const DOCUMENT_FACT_CUE = new RegExp(Object.values(DOCUMENT_ASKS).map((r) => r.source).join('|'));

// Which fund pays an award (钱从哪个资金里出, 资金来源, 从哪列支): answered beside the award, never a document fact alone.
const FUNDS_ASKED = /(钱[^，。？?]{0,4}(从|由)哪|(从|由)哪(个|笔|项|里|儿)?[^，。？?]{0,4}(资金|专项|经费|款)?[^，。？?]{0,2}(出|列支|拨|支出)|(哪个|哪笔|哪项|什么|哪一?类)(专项)?(资金|经费)(出|列支|支付|拨付|里出|支持)|资金来源|经费来源|钱(是)?哪(里|儿)来|(从|在)什么(资金|专项)|列支)/;
/** Whether a message asks which fund pays (钱从哪个资金里出, 资金来源, 从哪个专项列支). */
export const asksFunds = (text: string) => FUNDS_ASKED.test(text);

/** Whether a message asks which department is responsible for something (负责部门, 找哪个部门申请, 办公室设在哪). */
export const asksResponsible = (text: string) => DOCUMENT_ASKS.responsible.test(text);

// A term other than the document's own (土地出让年期到期续期, 租期): its 到期 is not a question of validity.
const OTHER_TERM = /(续期|续租|续签|租期|年期|使用期|出让期)/;
// Whether a document still applies (还有效吗, 过期了没有, 正式印发的吗, 管到哪一年, 还能按它申报吗): its title block says
// its period and status.
const STATUS = /((?<!运行|实施|执行得?|落实)有效(?!运行|实施|落实|推进|提升|利用|降低|提高|防范|措施|手段|途径|衔接|解决|带动|管理|控制|整合|发挥|促进|保障|应对)|过期|失效|到期|还(能|可以)[^，,。？?！!]{0,6}(申请|申报|享受|适用|用)|(到|至)\d{4}年?[^，,。？?！!]{0,4}(都|还|仍)(能|可以)(拿|领|申领)|(现在|如今|目前|而家)(能|可以)(去)?(申领|领|拿|申请|申报)(了)?(吗|么|嘛|没|未)|定稿|(现在|如今|目前)还?(能|可以)(按|照)[^，,。？?！!]{0,14}(申请|申报|享受)|管到(哪|边|什么时候)|(而家|现在|目前)仲(能|可以|申请得|得唔得)|现行|执行期|还在执行|执行到|(到|至)?(哪|几)(一)?年(为止|截止|结束|到期)|(什么时候|何时|啥时候|几时)(截止|结束|到期|为止)|截止(到)?(哪|几|什么时候|何时|啥时候)|还执行|废止|正式(施行|实施|印发|发布|生效|出台|文件|版|稿|发(了|的|没)|出(了|来|没))|(是不是|是否|算不算)正式|正式了吗|是正式的(吗|么|文件)|还算数|还管用|现在(还)?(能|可以)(申请|申报|用)|(能|可以)用吗|能不能用|作数|(文件|政策|意见|行动|计划|通知)(现在|目前|如今)[^，,。？?！!]{0,4}(还)?(能|可以)(直接)?(拿来|用来)?(申请|申报|用))/;
// The draft named by its status (六安那个征求意见稿): a name, which asks its status only where nothing else is asked.
const DRAFT_NAMED = /(征求意见稿|征求稿|意见稿|草案)/;

/** Whether a message asks whether a document still applies or is in force (还有效吗, 正式生效了没, 管到哪一年). */
export const asksStatus = (text: string) => !OTHER_TERM.test(text) && STATUS.test(text);
/**
 * Whether a message asks only whether a document is still in force (还有效吗, 过期了没有), the narrow part of asksStatus:
 * a period asked beside other facts (执行到哪年, 执行期) is one of a document's facts.
 */
export const asksInForce = (text: string) => /(还有效|有效吗|是否有效|过期|失效|还能申请)/.test(text);
/** Whether a message names a document by its status as a draft (六安那个征求意见稿). */
export const namesDraft = (text: string) => !OTHER_TERM.test(text) && DRAFT_NAMED.test(text);
/** The message with the draft's status-name taken out (六安那个技改征求意见稿，… → 六安那个技改，…). */
export const withoutDraftName = (text: string) => text.replace(new RegExp(DRAFT_NAMED.source, 'g'), '');

/** The facts a document's preamble holds (文号, 发文单位, 成文日期, 执行期, 状态, 主送单位, 制定依据, 审议会议). */
const OF_PREAMBLE = [DOCUMENT_ASKS.number, DOCUMENT_ASKS.issuer, DOCUMENT_ASKS.date, DOCUMENT_ASKS.period, DOCUMENT_ASKS.addressees,
  DOCUMENT_ASKS.basis, DOCUMENT_ASKS.meeting];
/** Whether a message asks a fact a document's preamble holds: its answer starts there, whatever else the words match. */
export const asksOfPreamble = (text: string) => asksStatus(text) || OF_PREAMBLE.some((r) => r.test(text));
/** Whether the only fact asked of a preamble is the document's status: a provision asked about keeps its clause near the top. */
export const asksOnlyStatus = (text: string) => asksStatus(text) && !OF_PREAMBLE.some((r) => r.test(text));
