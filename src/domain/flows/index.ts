// Registry of the flow modules, one per case kind.
import type { CaseKind } from '../cases';
import type { FlowModule, ValidationContext, ValidationResult } from './form';
import * as deviceLost from './device-lost';
import * as cyberAttack from './cyber-attack';
import * as exception from './exception';
import * as lostIcCard from './lost-ic-card';
import * as misdirectedMail from './misdirected-mail';
import * as passwordLeak from './password-leak';
import * as privateDevice from './private-device';
import * as softwareInstall from './software-install';
import * as systemFailure from './system-failure';
import * as takeout from './takeout';
import * as virus from './virus';
import * as wirelessLan from './wireless-lan';
import * as externalConnection from './external-connection';
import * as icCardRenewal from './ic-card-renewal';

export type {
  FieldDef,
  FieldErrors,
  FieldKind,
  GuidanceItem,
  ValidationContext,
  ValidationResult,
} from './form';
export type { LostIcCardReport } from './lost-ic-card';
export type { VirusReport } from './virus';
export type { MisdirectedMailReport } from './misdirected-mail';
export type { TakeoutRequest } from './takeout';
export type { ExceptionRequest } from './exception';
export type { PasswordLeakReport } from './password-leak';
export type { DeviceLostReport } from './device-lost';
export type { SystemFailureReport } from './system-failure';
export type { CyberAttackReport } from './cyber-attack';
export type { SoftwareInstallRequest } from './software-install';
export type { PrivateDeviceRequest } from './private-device';
export type { WirelessLanRequest } from './wireless-lan';
export type { ExternalConnectionRequest } from './external-connection';
export type { IcCardRenewalRecord } from './ic-card-renewal';

/** The typed value each flow's form parses into. */
export interface FlowValues {
  lost_ic_card: lostIcCard.LostIcCardReport;
  virus: virus.VirusReport;
  misdirected_mail: misdirectedMail.MisdirectedMailReport;
  password_leak: passwordLeak.PasswordLeakReport;
  device_lost: deviceLost.DeviceLostReport;
  system_failure: systemFailure.SystemFailureReport;
  cyber_attack: cyberAttack.CyberAttackReport;
  takeout: takeout.TakeoutRequest;
  exception: exception.ExceptionRequest;
  software_install: softwareInstall.SoftwareInstallRequest;
  private_device: privateDevice.PrivateDeviceRequest;
  wireless_lan: wirelessLan.WirelessLanRequest;
  external_connection: externalConnection.ExternalConnectionRequest;
  ic_card_renewal: icCardRenewal.IcCardRenewalRecord;
}

export type FlowValue<K extends CaseKind> = FlowValues[K];

export const FLOWS: { readonly [K in CaseKind]: FlowModule<K, FlowValues[K]> } = {
  lost_ic_card: lostIcCard,
  virus,
  misdirected_mail: misdirectedMail,
  password_leak: passwordLeak,
  device_lost: deviceLost,
  system_failure: systemFailure,
  cyber_attack: cyberAttack,
  takeout,
  exception,
  software_install: softwareInstall,
  private_device: privateDevice,
  wireless_lan: wirelessLan,
  external_connection: externalConnection,
  ic_card_renewal: icCardRenewal,
};

export function getFlow<K extends CaseKind>(kind: K): FlowModule<K, FlowValues[K]> {
  return FLOWS[kind];
}

export function validateFlow<K extends CaseKind>(
  kind: K,
  raw: unknown,
  ctx: ValidationContext,
): ValidationResult<FlowValues[K]> {
  return getFlow(kind).validate(raw, ctx);
}
