import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RegionDto } from '@lianzhang/contracts';
import { Repository } from 'typeorm';
import { RegionEntity } from './region.entity';

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  async list(): Promise<RegionDto[]> {
    const rows = await this.regions.find({ order: { code: 'ASC' } });
    return rows.map(({ code, nameZh, nameEn, level, parentCode }) => ({
      code,
      nameZh,
      nameEn,
      level,
      parentCode,
    }));
  }
}
