/** The report parts a figure is usually cited in, as the figure picker and the 自定义指标 builder name them. */
export const SECTION_LABEL: Record<string, string> = {
  '1': '（一）学习贯彻习近平法治思想、普法',
  '2': '（二）政府机构职能体系',
  '3': '（三）依法行政制度体系',
  '4': '（四）行政决策',
  '5': '（五）行政执法',
  '6': '（六）突发事件应对',
  '7': '（七）矛盾纠纷化解与法律服务',
  '8': '（八）行政权力制约和监督',
  '9': '（九）数字法治政府',
  '10': '（十）推进机制',
  二: '二、第一责任人职责',
};
