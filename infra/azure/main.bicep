// 情報セキュリティ窓口 (Security Desk bot) on Azure, issue 11: Azure Bot (single-tenant app
// registration or user-assigned managed identity, never multi-tenant), App Service on Linux (Node 20,
// two or more instances), Azure Database for PostgreSQL Flexible Server, Key Vault (RBAC) for the
// secrets, Application Insights on a Log Analytics workspace.
//
//   az deployment group create -g <resource group> -f infra/azure/main.bicep -p @infra/azure/main.parameters.json
//
// Every app setting the bot's config schema (src/config/config.ts) requires in production is set
// below; test/infra/config-coverage.test.ts checks that against the schema itself. The README's
// "Deployment to Azure" section documents the parameters and the steps around this template.

targetScope = 'resourceGroup'

// --- Parameters ------------------------------------------------------------------------------

@description('Azure region of every resource except the bot (global).')
param location string = resourceGroup().location

@description('Prefix of the resource names (lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param namePrefix string = 'secdesk'

@description('How the bot authenticates to the Bot Framework. Creating multi-tenant bots is deprecated: not offered.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAuthType string = 'SingleTenant'

@description('SingleTenant: the application (client) id of the single-tenant app registration. Ignored for UserAssignedMSI (the identity made here is the bot).')
param botAppId string = ''

@description('SingleTenant: a client secret of that app registration (stored in Key Vault). Leave empty for UserAssignedMSI.')
@secure()
param botAppPassword string = ''

@description('The Microsoft Entra tenant of the organisation (the bot\'s home tenant).')
param tenantId string = subscription().tenantId

@description('Comma-separated tenant ids whose Teams activities the bot serves (deny by default).')
param allowedTenantIds string = tenantId

@description('Name shown for the bot resource.')
param botDisplayName string = '情報セキュリティ窓口'

@description('Azure Bot pricing tier (Teams is a standard channel).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU (Basic or above for Always On).')
@allowed([
  'B1'
  'B2'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'P1v3'

@description('Number of App Service instances; all share the PostgreSQL database.')
@minValue(1)
@maxValue(30)
param instanceCount int = 2

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
])
param postgresVersion string = '16'

@description('PostgreSQL compute SKU, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B2s'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL high availability (not available on Burstable).')
@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundant'
])
param postgresHighAvailability string = 'Disabled'

@minValue(32)
param postgresStorageSizeGB int = 32

@description('Days of point-in-time restore (7 to 35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

param postgresAdminLogin string = 'secdeskadmin'

@description('Password of the PostgreSQL administrator; stored in Key Vault inside DATABASE_URL.')
@secure()
@minLength(16)
param postgresAdminPassword string

param postgresDatabaseName string = 'securitydesk'

@description('Firewall rule 0.0.0.0 ("Allow public access from any Azure service"): lets App Service reach the server without a VNet. See the README for private access instead.')
param allowAzureServicesToPostgres bool = true

@description('Extra firewall rules for administrators running the CLI (npm run directory …) against the database: [{ name, startIpAddress, endIpAddress }].')
param postgresAdminIpRanges array = []

@description('Persistent folder shared by the instances (App Service /home) for the contact CSV and the audit anchors.')
param dataDir string = '/home/security-desk'

@description('Bot Framework service URL for people who never chatted with the bot, e.g. https://smba.trafficmanager.net/jp/ (empty: learned from the first activity).')
param teamsServiceUrl string = ''

@description('Teams app id in the organisation catalog: set to let the bot install itself for people through Microsoft Graph (README [4/8]). Empty: off.')
param teamsCatalogAppId string = ''

@description('App registration that calls Microsoft Graph when it is not the bot\'s own (required with teamsCatalogAppId under UserAssignedMSI).')
param graphClientId string = ''

@secure()
param graphClientSecret string = ''

@description('Base URL people\'s browsers use for export download links; empty: https://<web app>.azurewebsites.net.')
param publicBaseUrl string = ''

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

param tags object = {}

// --- Names -----------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id)
var webAppName = '${namePrefix}-web-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var postgresName = '${namePrefix}-pg-${suffix}'
var keyVaultName = take('${namePrefix}kv${suffix}', 24)
var botName = '${namePrefix}-bot-${suffix}'
var identityName = '${namePrefix}-id-${suffix}'
var workspaceName = '${namePrefix}-log-${suffix}'
var appInsightsName = '${namePrefix}-appi-${suffix}'
// Built-in role "Key Vault Secrets User": read secret contents, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var isMsi = botAuthType == 'UserAssignedMSI'

// --- Identity and secrets --------------------------------------------------------------------

// The web app's identity: it reads the Key Vault references, and under UserAssignedMSI it is the
// bot itself (its client id is the bot's app id; botbuilder gets tokens for it without a password).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC only (no access policies): the web app's identity gets Secrets User.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// DATABASE_URL with the password, TLS required and the server certificate verified against Node's
// CA store (Azure's PostgreSQL certificates chain to DigiCert Global Root G2 / Microsoft RSA Root
// CA 2017). Port 5432 is the server itself: the migrations hold a session advisory lock, which a
// transaction-mode pooler (PgBouncer on 6432) would not keep.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabaseName}?sslmode=verify-full'
    contentType: 'DATABASE_URL'
  }
}

resource postgresPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdminPassword
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi) {
  parent: keyVault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'MICROSOFT_APP_PASSWORD'
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: keyVault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
    contentType: 'GRAPH_CLIENT_SECRET'
  }
}

// Versionless references: a new secret version is picked up without redeploying.
var kvRef = '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/'

// --- PostgreSQL ------------------------------------------------------------------------------

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: postgresHighAvailability
    }
    // Public access with firewall rules (below). For private access instead, deploy the server into
    // a delegated subnet (network.delegatedSubnetResourceId + privateDnsZoneArmResourceId) and give
    // the web app VNet integration; see the README.
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// The server's child resources are created one after another (the server refuses concurrent
// changes with ServerIsBusy): TLS setting, database, firewall rules.

// TLS for every connection (the server's default; pinned here so it cannot be switched off unseen).
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    requireTls
  ]
}

resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (allowAzureServicesToPostgres) {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    database
  ]
}

@batchSize(1)
resource adminIpRules 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = [
  for rule in postgresAdminIpRanges: {
    parent: postgres
    name: rule.name
    properties: {
      startIpAddress: rule.startIpAddress
      endIpAddress: rule.endIpAddress
    }
    dependsOn: [
      database
      allowAzureServices
    ]
  }
]

// --- Monitoring ------------------------------------------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// --- App Service -----------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// App settings every deployment has. The names are the bot's environment variables (src/config);
// the App Service platform ones are marked. PORT is not set: App Service gives the app its port in
// PORT itself. INSTANCE_ID is not set: one value would be shared by every instance; the config
// takes each instance's id from App Service's WEBSITE_INSTANCE_ID instead.
var commonAppSettings = [
  {
    // Listen on every interface inside the container (App Service's front end forwards to it).
    name: 'HOST'
    value: '0.0.0.0'
  }
  {
    name: 'DATABASE_URL'
    value: '${kvRef}${databaseUrlSecret.name}/)'
  }
  {
    name: 'MICROSOFT_APP_ID'
    value: isMsi ? identity.properties.clientId : botAppId
  }
  {
    name: 'MICROSOFT_APP_TYPE'
    value: botAuthType
  }
  {
    name: 'MICROSOFT_APP_TENANT_ID'
    value: isMsi ? identity.properties.tenantId : tenantId
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: allowedTenantIds
  }
  {
    // Never the demo directory: the contact tree imported for this organisation (README).
    name: 'DIRECTORY_CSV'
    value: '${dataDir}/directory.csv'
  }
  {
    // On App Service storage, not on the database host (12(4)②).
    name: 'AUDIT_ANCHOR_DIR'
    value: '${dataDir}/audit-anchors'
  }
  {
    name: 'AUDIT_ANCHOR_KEY_FILE'
    value: '${dataDir}/audit-anchor-key.pem'
  }
  {
    name: 'PUBLIC_BASE_URL'
    value: empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net' : publicBaseUrl
  }
  {
    name: 'TEAMS_SERVICE_URL'
    value: teamsServiceUrl
  }
  {
    name: 'TEAMS_CATALOG_APP_ID'
    value: teamsCatalogAppId
  }
  {
    name: 'GRAPH_CLIENT_ID'
    value: graphClientId
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    // Platform: Application Insights for Node.js on Linux, attached without code changes.
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    // Platform: the Linux agent version of that auto-instrumentation.
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    // Platform: zip deploy runs the build on App Service (npm install, npm run build → dist/).
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
]

// Only with a single-tenant app registration: its client secret.
var singleTenantAppSettings = [
  {
    name: 'MICROSOFT_APP_PASSWORD'
    value: '${kvRef}bot-app-password/)'
  }
]

// Only when Graph is called with a separate app registration's secret.
var graphSecretAppSettings = [
  {
    name: 'GRAPH_CLIENT_SECRET'
    value: '${kvRef}graph-client-secret/)'
  }
]

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No sticky sessions: every instance serves every request (state is in PostgreSQL).
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(commonAppSettings, isMsi ? [] : singleTenantAppSettings, empty(graphClientSecret) ? [] : graphSecretAppSettings)
    }
  }
  dependsOn: [
    identityReadsSecrets
    databaseUrlSecret
    botPasswordSecret
    graphSecret
    database
  ]
}

// Deployments authenticate with Microsoft Entra (az webapp deploy), not with basic credentials.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The bot's console (pino JSON lines: ids, never message bodies), HTTP and platform logs.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// Who read which secret, and when.
resource keyVaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

// --- Azure Bot -------------------------------------------------------------------------------

var botProperties = {
  displayName: botDisplayName
  endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
  msaAppType: botAuthType
  msaAppId: isMsi ? identity.properties.clientId : botAppId
  msaAppTenantId: isMsi ? identity.properties.tenantId : tenantId
  publicNetworkAccess: 'Enabled'
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  // Under UserAssignedMSI the bot also names the managed identity it is.
  properties: union(botProperties, isMsi ? { msaAppMSIResourceId: identity.id } : {})
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
    }
  }
}

// --- Outputs ---------------------------------------------------------------------------------

output webAppName string = webApp.name
output webAppUrl string = 'https://${webApp.properties.defaultHostName}'
output botName string = bot.name
output botEndpoint string = bot.properties.endpoint
@description('The bot id: MICROSOFT_APP_ID, and the manifest\'s bot id for npm run package.')
output botAppId string = isMsi ? identity.properties.clientId : botAppId
output keyVaultName string = keyVault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
output appInsightsName string = appInsights.name
