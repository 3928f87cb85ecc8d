/** The answers of a media handover form (8(3)②ア) as an officer of 総務課 (210) types them. */
export const handoverAnswers = (month: string, fileName = 'f', sectionCode = '210') => ({
  sectionCode,
  fileName,
  carrierName: '中川 一',
  carrierUnit: '計算センター',
  receiverName: '佐藤 健一',
  receiverUnit: '総務課',
  mediaType: 'usb',
  mediaId: 'USB-1',
  month,
});
