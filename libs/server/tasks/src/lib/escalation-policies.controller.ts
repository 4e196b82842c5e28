import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  putEscalationPolicySchema,
  type EscalationPolicyDto,
  type PutEscalationPolicyRequest,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  uuidParam,
  ZodValidationPipe,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { EscalationPoliciesService } from './escalation-policies.service';

@ApiTags('escalation')
@Controller()
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Authenticated('chain:read')
  @Get('escalation-policy')
  @ApiOperation({ summary: 'The province’s default reminder and escalation ladder' })
  province(): Promise<EscalationPolicyDto> {
    return this.policies.province();
  }

  @Authenticated('escalation:manage')
  @Put('escalation-policy')
  @ApiOperation({ summary: 'Set the province’s default ladder (version 0 the first time)' })
  setProvince(
    @Body(new ZodValidationPipe(putEscalationPolicySchema)) request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicyDto> {
    return this.policies.setProvince(request);
  }

  @Authenticated('chain:read')
  @Get('chains/:id/escalation-policy')
  @ApiOperation({ summary: 'The ladder in force on a chain, and whether it is the chain’s own' })
  chain(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) chainId: string,
  ): Promise<EscalationPolicyDto> {
    return this.policies.chain(user, chainId);
  }

  @Authenticated('chain:edit')
  @Put('chains/:id/escalation-policy')
  @ApiOperation({ summary: 'Give a chain its own ladder; tasks assigned later keep it' })
  setChain(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) chainId: string,
    @Body(new ZodValidationPipe(putEscalationPolicySchema)) request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicyDto> {
    return this.policies.setChain(user, chainId, request);
  }

  @Authenticated('chain:edit')
  @Delete('chains/:id/escalation-policy')
  @HttpCode(204)
  async resetChain(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) chainId: string,
  ): Promise<void> {
    await this.policies.resetChain(user, chainId);
  }
}
